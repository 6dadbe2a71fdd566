#include "service/audit.h"

#include "core/calendar/timestamp.h"
#include "service/failure.h"

namespace planscore::service {

const core::Actor& system_actor() {
  static const core::Actor actor{0, "system", core::Role::admin, ""};
  return actor;
}

void audit(store::Store& store, const core::Actor& actor, const AuditEvent& event) {
  store::AuditEntry entry;
  entry.at = core::iso_timestamp(core::Clock::now());
  entry.user_id = actor.user_id;
  entry.username = actor.username;
  entry.action = event.action;
  entry.object_type = event.object_type;
  entry.object_id = event.object_id;
  entry.before = event.before;
  entry.after = event.after;
  entry.reason = event.reason;
  store.append_audit(entry);
}

std::vector<store::AuditEntry> read_audit(store::Store& store, const core::Actor& actor,
                                          const store::AuditQuery& query) {
  if (!core::can_read_audit(actor))
    throw Failure(FailureKind::forbidden,
                  "only planners and administrators may read the audit log");
  if (query.limit < 1 || query.limit > 1000)
    throw Failure(FailureKind::invalid, "limit must be between 1 and 1000",
                  {{"limit", std::to_string(query.limit) + " is out of range"}});
  return store.query_audit(query);
}

}  // namespace planscore::service
