#pragma once
// How API responses spell the service's objects as JSON (api/openapi.yaml describes each).
#include <nlohmann/json.hpp>
#include <vector>

#include "core/access/role.h"
#include "core/plan/plan.h"
#include "core/workflow/review.h"
#include "service/audit_names.h"
#include "store/store.h"

namespace planscore::http {

nlohmann::json user_view(const store::UserRow& user);
nlohmann::json record_view(const core::RegisterDef& register_def,
                           const store::StoredRecord& record);
nlohmann::json register_view(const core::RegisterDef& register_def);
// With the actions the signed-in user may take on it now, so the web app offers exactly
// what the server would accept.
nlohmann::json review_view(const store::ReviewRow& review,
                           const std::vector<core::ReviewAction>& available_actions);
// `author` and `uploader` are display names (service::name_of).
nlohmann::json comment_view(const store::CommentRow& comment, const std::string& author);
nlohmann::json evidence_view(const store::EvidenceRow& evidence, const std::string& uploader);
nlohmann::json manual_value_view(const store::ManualValue& value);
nlohmann::json audit_view(const store::AuditEntry& entry, const service::AuditNames& names);
// With `registers`: the register ids its formula reads (through named metrics too).
nlohmann::json indicator_view(const core::Plan& plan, const core::Indicator& indicator);
// What the actor may do, so the web app offers only that.
nlohmann::json permissions_view(const core::Actor& actor, const core::Plan* plan);

}  // namespace planscore::http
