#pragma once
// Logins and sessions. Sessions live in the database, so every server sharing it knows
// them; the cookie carries a random token whose SHA-256 is the key. A user keeps at most
// 20 sessions: signing in again ends the one least recently used, so a script that signs
// in on every run cannot fill the table.
//
// Failed logins are kept as times and counted in sliding windows of the last 15 minutes,
// per address and per account (the name tried, whether or not it exists):
// - An address with 20 failures in its window is refused (throttled, with the seconds
//   until the oldest of them leaves it) before any password is checked. No sign-in clears
//   it, so an attacker's own account buys no further guesses.
// - An account with more than 5 failures in its window is slowed down, never locked:
//   every sign-in to it, right password or wrong, carries login_delay(failures beyond the
//   5) as its response_delay, which the front door holds the answer for without holding a
//   thread. A right password still signs in, and clears that account's window only.
// Failures older than the window are pruned with every new one, so the table holds at most
// what the addresses trying could fail in 15 minutes.
#include <chrono>
#include <optional>
#include <string>

#include "core/access/role.h"
#include "core/calendar/timestamp.h"
#include "store/store.h"

namespace planscore::service {

struct LoginResult {
  std::string token;       // for the cookie; shown once, stored only as a hash
  std::string csrf_token;  // sent back in the X-CSRF-Token header of every change
  store::UserRow user;
  std::chrono::milliseconds response_delay{0};  // the account's slowdown: answer this late
};

// A sign-in tried at `now` (tests pass their own moment to move time). Throws Failure:
// unauthorized (wrong name or password, inactive account — the same message for each, so
// names cannot be probed) with the account's response_delay, or throttled with
// retry_after_seconds when the address is over its limit.
LoginResult login(store::Store& store, const std::string& username, const std::string& password,
                  const std::string& address, core::Clock::time_point now = core::Clock::now());

struct SessionInfo {
  core::Actor actor;
  std::string token_hash;
  std::string csrf_token;
  std::string display_name;
  // The password was chosen by someone else: until the user chooses their own, the session
  // may do nothing but that (and sign out).
  bool must_change_password = false;
};

// The session of `token`, if it exists, the user is active and it was used within
// `idle_timeout`. Refreshes the session's last use (at most once a minute, to keep reads
// from writing on every request).
std::optional<SessionInfo> authenticate(store::Store& store, const std::string& token,
                                        std::chrono::seconds idle_timeout);

void logout(store::Store& store, const SessionInfo& session);

// How late a sign-in to an account is answered once its window holds `excess_failures`
// failures beyond the free ones: none for 0, then 1 s, doubling, at most 30 s. 30 s makes
// one client's guesses at an account at least 30 s apart, yet a person with the right
// password waits no longer than the server's and common proxies' 60 s request timeouts.
std::chrono::milliseconds login_delay(int excess_failures);

}  // namespace planscore::service
