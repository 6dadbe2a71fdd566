#pragma once
// JSON snapshots of changed objects for the audit trail's before/after columns. The one
// place in the service layer that writes JSON.
#include <string>

#include "core/register/register.h"
#include "store/store.h"

namespace planscore::service {

std::string record_snapshot(const core::RegisterDef& register_def,
                            const store::StoredRecord& record);
std::string user_snapshot(const store::UserRow& user);  // never the password hash
std::string review_snapshot(const store::ReviewRow& review);
std::string manual_value_snapshot(const store::ManualValue& value);
std::string evidence_snapshot(const store::EvidenceRow& evidence);  // without the content
// What a backup or restore carried: schema version, records per register, other counts.
std::string counts_snapshot(const store::DatabaseCounts& counts);
// {"key": "value", …} from pairs, for small events (logins, imports, locks).
std::string fields_snapshot(std::initializer_list<std::pair<std::string, std::string>> fields);

}  // namespace planscore::service
