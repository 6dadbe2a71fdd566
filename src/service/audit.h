#pragma once
// The audit trail: every change is appended, in the same transaction as the change, with
// who, when, what and the values before and after. Nothing here updates or deletes.
#include <string>
#include <vector>

#include "core/access/role.h"
#include "store/store.h"

namespace planscore::service {

// The actor for changes made from the command line on the server itself.
const core::Actor& system_actor();

struct AuditEvent {
  std::string action;       // "record.update", "review.submit", "login.failed" …
  std::string object_type;  // "record", "review", "plan", "user", "session", "year" …
  std::string object_id;
  std::string before;  // JSON text or ""
  std::string after;   // JSON text or ""
  std::string reason;
};

// Appends `event` by `actor` with the current time. Call inside the change's transaction.
void audit(store::Store& store, const core::Actor& actor, const AuditEvent& event);

// The trail, newest first. Only roles that may read it (core::can_read_audit).
std::vector<store::AuditEntry> read_audit(store::Store& store, const core::Actor& actor,
                                          const store::AuditQuery& query);

}  // namespace planscore::service
