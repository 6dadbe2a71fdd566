#include "service/sessions.h"

#include <algorithm>

#include "core/calendar/timestamp.h"
#include "service/accounts.h"
#include "service/audit.h"
#include "service/failure.h"
#include "service/passwords.h"
#include "service/snapshots.h"

namespace planscore::service {
namespace {

// An office behind one NAT address shares the address count, so it allows more tries
// than one account does before slowing down.
constexpr int kFreeAccountFailures = 5;
constexpr int kFreeAddressFailures = 20;
constexpr std::chrono::seconds kMaxDelay{15 * 60};
constexpr std::chrono::seconds kTouchInterval{60};

std::string user_key(const std::string& username) {
  return "user:" + username;
}
std::string address_key(const std::string& address) {
  return "address:" + address;
}

// Seconds still to wait under `key`, 0 when a try is allowed now.
long long wait_seconds(store::Store& store, const std::string& key, int free_failures,
                       core::Clock::time_point now) {
  const auto failures = store.login_failures(key);
  if (failures.count < free_failures) return 0;
  const auto last = core::parse_iso_timestamp(failures.last_failure_at);
  if (!last) return 0;
  const auto allowed_at = *last + login_delay(failures.count - free_failures);
  if (allowed_at <= now) return 0;
  return std::chrono::ceil<std::chrono::seconds>(allowed_at - now).count();
}

}  // namespace

std::chrono::seconds login_delay(int excess_failures) {
  if (excess_failures < 0) return std::chrono::seconds{0};
  // Starts at 4 s: failures are recorded to the second, so a shorter first delay could
  // already be over by the next try.
  const int doublings = std::min(excess_failures, 10);
  return std::min(std::chrono::seconds{4LL << doublings}, kMaxDelay);
}

LoginResult login(store::Store& store, const std::string& username, const std::string& password,
                  const std::string& address) {
  const auto now = core::Clock::now();
  const long long wait =
      std::max(wait_seconds(store, user_key(username), kFreeAccountFailures, now),
               wait_seconds(store, address_key(address), kFreeAddressFailures, now));
  if (wait > 0) {
    Failure failure(FailureKind::throttled,
                    "too many failed logins; try again in " + std::to_string(wait) + " s");
    failure.retry_after_seconds = static_cast<int>(wait);
    throw failure;
  }

  auto user = store.find_user_by_name(username);
  // An unknown name costs the same hashing time as a known one, so response times do not
  // tell which usernames exist.
  static const std::string decoy_hash = hash_password(random_token());
  const bool password_ok = verify_password(user ? user->password_hash : decoy_hash, password);
  const bool ok = user && user->active && password_ok;
  store::Transaction transaction(store);
  if (!ok) {
    const std::string at = core::iso_timestamp(now);
    store.record_login_failure(user_key(username), at);
    store.record_login_failure(address_key(address), at);
    core::Actor who{user ? user->id : 0, username, core::Role::viewer, ""};
    audit(store, who,
          {"login.failed", "session", username, "", fields_snapshot({{"address", address}}), ""});
    transaction.commit();
    throw Failure(FailureKind::unauthorized, "the username or password is wrong");
  }
  store.clear_login_failures(user_key(username));
  store.clear_login_failures(address_key(address));

  LoginResult result{random_token(), random_token(), *user};
  store::SessionRow session;
  session.token_hash = sha256_hex(result.token);
  session.user_id = user->id;
  session.csrf_token = result.csrf_token;
  session.created_at = session.last_seen_at = core::iso_timestamp(now);
  session.address = address;
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
  return SessionInfo{actor_of(user), token_hash, session.csrf_token, user.display_name};
}

void logout(store::Store& store, const SessionInfo& session) {
  store::Transaction transaction(store);
  store.delete_session(session.token_hash);
  audit(store, session.actor,
        {"logout", "session", std::to_string(session.actor.user_id), "", "", ""});
  transaction.commit();
}

}  // namespace planscore::service
