#pragma once
// Logins and sessions. Sessions live in the database, so every server sharing it knows
// them; the cookie carries a random token whose SHA-256 is the key. Failed logins are
// counted per account (5 free) and per address (20 free); past those each new try must
// wait longer.
#include <chrono>
#include <optional>
#include <string>

#include "core/access/role.h"
#include "store/store.h"

namespace planscore::service {

struct LoginResult {
  std::string token;       // for the cookie; shown once, stored only as a hash
  std::string csrf_token;  // sent back in the X-CSRF-Token header of every change
  store::UserRow user;
};

// Throws Failure: unauthorized (wrong name or password, inactive account — the same
// message for each, so names cannot be probed) or throttled with retry_after_seconds.
LoginResult login(store::Store& store, const std::string& username, const std::string& password,
                  const std::string& address);

struct SessionInfo {
  core::Actor actor;
  std::string token_hash;
  std::string csrf_token;
  std::string display_name;
};

// The session of `token`, if it exists, the user is active and it was used within
// `idle_timeout`. Refreshes the session's last use (at most once a minute, to keep reads
// from writing on every request).
std::optional<SessionInfo> authenticate(store::Store& store, const std::string& token,
                                        std::chrono::seconds idle_timeout);

void logout(store::Store& store, const SessionInfo& session);

// How long to wait before the next login try once `excess_failures` failures beyond the
// free ones were counted: 4 s, doubling each time, at most 15 minutes.
std::chrono::seconds login_delay(int excess_failures);

}  // namespace planscore::service
