#include "service/sessions.h"

#include <algorithm>
#include <vector>

#include "core/access/client_address.h"
#include "core/calendar/timestamp.h"
#include "service/accounts.h"
#include "service/audit.h"
#include "service/failure.h"
#include "service/passwords.h"
#include "service/snapshots.h"

namespace planscore::service {
namespace {

constexpr std::chrono::minutes kWindow{15};
// An office behind one NAT address shares the address's limit, so it allows more
// failures than an account has for free.
constexpr int kFreeAccountFailures = 5;
constexpr int kAddressLimit = 20;
// Failures beyond the free ones at which the delay stops growing: 1, 2, 4, 8, 16, 30 s.
constexpr int kExcessAtLongestDelay = 6;
constexpr std::chrono::milliseconds kFirstDelay{1000};
constexpr std::chrono::milliseconds kLongestDelay{30'000};
constexpr int kSessionsPerUser = 20;
constexpr std::chrono::seconds kTouchInterval{60};

// A name longer than any account's is kept by its SHA-256, so a guesser cannot make a
// failure row as large as a request body.
std::string user_key(const std::string& username) {
  return "user:" +
         (username.size() <= kLongestUsername ? username : "sha256:" + sha256_hex(username));
}
// IPv6 addresses by their /64, the block one customer is given (client_address.h).
std::string address_key(const std::string& address) {
  return "address:" + core::client_of_address(address);
}

// Seconds until the address may try again, 0 when it is under its limit. `failures` are
// its newest, at most kAddressLimit: the last of them is the one whose leaving the window
// brings the address under the limit. Times are kept to the second, so a failure at T
// stays in the window until T + kWindow + 1 s.
int address_wait_seconds(const std::vector<std::string>& failures, core::Clock::time_point now) {
  if (static_cast<int>(failures.size()) < kAddressLimit) return 0;
  const auto oldest = core::parse_iso_timestamp(failures.back());
  const auto leaves_at = oldest.value_or(now) + kWindow + std::chrono::seconds{1};
  return static_cast<int>(
      std::max<long long>(1, std::chrono::ceil<std::chrono::seconds>(leaves_at - now).count()));
}

// A failed login is written to the audit log while the account's window holds no more
// than the free failures before it: the log is append-only, so beyond those a guesser's
// failures are counted (and kept in the access log) but not each written. Names that are
// no account are not logged at all, or every guessed name would be an entry for good.
bool audits_failure(const std::optional<store::UserRow>& user, std::size_t earlier_failures) {
  return user.has_value() && earlier_failures <= static_cast<std::size_t>(kFreeAccountFailures);
}

}  // namespace

std::chrono::milliseconds login_delay(int excess_failures) {
  if (excess_failures <= 0) return std::chrono::milliseconds{0};
  const int doublings = std::min(excess_failures, kExcessAtLongestDelay) - 1;
  return std::min(kFirstDelay * (1 << doublings), kLongestDelay);
}

LoginResult login(store::Store& store, const std::string& username, const std::string& password,
                  const std::string& address, core::Clock::time_point now) {
  const std::string at = core::iso_timestamp(now);
  const std::string window_start = core::iso_timestamp(now - kWindow);
  // Refused before the password is hashed, so an address over its limit costs the server
  // no hashing time.
  if (const int wait = address_wait_seconds(
          store.login_failures(address_key(address), window_start, kAddressLimit), now)) {
    Failure failure(
        FailureKind::throttled,
        "too many failed logins from this address; try again in " + std::to_string(wait) + " s");
    failure.retry_after_seconds = wait;
    throw failure;
  }
  const auto account_failures = store.login_failures(user_key(username), window_start,
                                                     kFreeAccountFailures + kExcessAtLongestDelay);
  const auto delay = login_delay(static_cast<int>(account_failures.size()) - kFreeAccountFailures);

  auto user = store.find_user_by_name(username);
  // An unknown name costs the same hashing time as a known one, so response times do not
  // tell which usernames exist.
  static const std::string decoy_hash = hash_password(random_token());
  const bool password_ok = verify_password(user ? user->password_hash : decoy_hash, password);
  const bool ok = user && user->active && password_ok;
  store::Transaction transaction(store);
  if (!ok) {
    store.record_login_failure(user_key(username), at);
    store.record_login_failure(address_key(address), at);
    store.prune_login_failures(window_start);
    if (audits_failure(user, account_failures.size())) {
      audit(store, {user->id, username, core::Role::viewer, ""},
            {"login.failed", "session", username, "", fields_snapshot({{"address", address}}), ""});
    }
    transaction.commit();
    Failure failure(FailureKind::unauthorized, "the username or password is wrong");
    failure.response_delay = delay;
    throw failure;
  }
  store.clear_login_failures(user_key(username));

  LoginResult result{random_token(), random_token(), *user, delay};
  store::SessionRow session;
  session.token_hash = sha256_hex(result.token);
  session.user_id = user->id;
  session.csrf_token = result.csrf_token;
  session.created_at = session.last_seen_at = at;
  session.address = address;
  // Made room for first, so the new session is never the one ended.
  store.delete_user_sessions_beyond(user->id, kSessionsPerUser - 1);
  store.create_session(session);
  audit(store, actor_of(*user),
        {"login", "session", std::to_string(user->id), "", fields_snapshot({{"address", address}}),
         ""});
  transaction.commit();
  return result;
}

std::optional<SessionInfo> authenticate(store::Store& store, const std::string& token,
                                        std::chrono::seconds idle_timeout) {
  if (token.size() != 64) return std::nullopt;
  const std::string token_hash = sha256_hex(token);
  auto found = store.find_session(token_hash);
  if (!found) return std::nullopt;
  const auto& [session, user] = *found;
  const auto now = core::Clock::now();
  const auto last_seen = core::parse_iso_timestamp(session.last_seen_at);
  if (!last_seen || now - *last_seen > idle_timeout) {
    store.delete_session(token_hash);
    return std::nullopt;
  }
  if (!user.active) return std::nullopt;
  if (now - *last_seen > kTouchInterval) {
    try {
      store.touch_session(token_hash, core::iso_timestamp(now));
    } catch (const store::StoreError& error) {
      // A database that cannot be written (full, read-only) must still serve reads to the
      // people signed in: the session stays valid and is touched on a later request.
      if (error.kind == store::StoreErrorKind::other) throw;
    }
  }
  return SessionInfo{actor_of(user), token_hash, session.csrf_token, user.display_name,
                     user.must_change_password};
}

void logout(store::Store& store, const SessionInfo& session) {
  store::Transaction transaction(store);
  store.delete_session(session.token_hash);
  audit(store, session.actor,
        {"logout", "session", std::to_string(session.actor.user_id), "", "", ""});
  transaction.commit();
}

}  // namespace planscore::service
