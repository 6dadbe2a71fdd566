#pragma once
// The names people know the audit trail's subjects by: who (the account's display name as
// it is now) and what was changed (a record by its register and title, an indicator by its
// name, an account by its display name, evidence by its file name). The ids stay in the
// entries, for links and for a closer look; these names are read beside them.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/plan/plan.h"
#include "store/rows.h"
#include "store/store.h"

namespace planscore::service {

// Every account's display name by id. The system's changes (id 0) have none.
std::map<std::int64_t, std::string> display_names(store::Store& store);

struct AuditNames {
  std::string person;  // empty for the system, or an account that no longer exists
  std::string object;  // empty where nothing better than the id is known
};

// One AuditNames per entry, in order. `plan` (the one in force; may be null) names the
// registers and indicators; a record's title comes from the snapshot the entry keeps, so a
// deleted record is still named.
std::vector<AuditNames> audit_names(const std::map<std::int64_t, std::string>& people,
                                    const core::Plan* plan,
                                    const std::vector<store::AuditEntry>& entries);

}  // namespace planscore::service
