// Accounts and sessions at the service layer: hashing, idle expiry, throttling, and
// refusals that leave everything as it was.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/calendar/timestamp.h"
#include "service/accounts.h"
#include "service/audit.h"
#include "service/failure.h"
#include "service/passwords.h"
#include "service/plans.h"
#include "service/sessions.h"
#include "service_test_support.h"

namespace planscore {
namespace {

class AccountsAndSessions : public ::testing::Test {
 protected:
  void SetUp() override {
    plan_ = testing::import_shipped_plan(db_.store());
    user_ = service::create_user(db_.store(), service::system_actor(), &plan_,
                                 {"lin", "林科員", kPassword, "section_editor", "documents"});
  }
  static constexpr const char* kPassword = "correct horse battery staple";
  testing::TempDatabase db_;
  core::Plan plan_;
  store::UserRow user_;
};

TEST_F(AccountsAndSessions, PasswordsAreStoredAsArgon2idHashes) {
  EXPECT_EQ(user_.password_hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(service::verify_password(user_.password_hash, kPassword));
  EXPECT_FALSE(service::verify_password(user_.password_hash, "correct horse battery stapl"));
  EXPECT_TRUE(service::password_weakness("lin", "短密碼"));
  EXPECT_TRUE(service::password_weakness("lin", "xxlinxxlinxxlin"));
  EXPECT_FALSE(service::password_weakness("lin", "十二個中文字的密碼也可以用吧"));
}

TEST_F(AccountsAndSessions, BadAccountsAreRefusedAndNothingIsStored) {
  const auto count = db_.store().count_users();
  auto refused = [&](service::NewUser user) {
    try {
      service::create_user(db_.store(), service::system_actor(), &plan_, user);
    } catch (const service::Failure& failure) {
      return failure.problems.empty() ? std::string(failure.what()) : failure.problems[0].path;
    }
    return std::string("accepted");
  };
  EXPECT_EQ(refused({"lin", "", "another long password", "viewer", ""}), "username");
  EXPECT_EQ(refused({"x y", "", "another long password", "viewer", ""}), "username");
  EXPECT_EQ(refused({"chen", "", "another long password", "section_editor", ""}), "section_id");
  EXPECT_EQ(refused({"chen", "", "another long password", "section_editor", "nowhere"}),
            "section_id");
  EXPECT_EQ(refused({"chen", "", "another long password", "planner", "documents"}), "section_id");
  EXPECT_EQ(refused({"chen", "", "another long password", "superuser", ""}), "role");
  EXPECT_EQ(db_.store().count_users(), count);
  const core::Actor editor = service::actor_of(user_);
  EXPECT_THROW(service::create_user(db_.store(), editor, &plan_,
                                    {"chen", "", "another long password", "viewer", ""}),
               service::Failure);
}

TEST_F(AccountsAndSessions, IdleSessionsExpireAndInactiveUsersAreLockedOut) {
  auto login = service::login(db_.store(), "lin", kPassword, "192.0.2.7");
  EXPECT_TRUE(service::authenticate(db_.store(), login.token, std::chrono::minutes(30)));
  EXPECT_FALSE(service::authenticate(db_.store(), login.token, std::chrono::seconds(-1)));
  // The expired session is gone for good, whatever the timeout asked next.
  EXPECT_FALSE(service::authenticate(db_.store(), login.token, std::chrono::minutes(30)));

  auto again = service::login(db_.store(), "lin", kPassword, "192.0.2.7");
  service::UserChange deactivate;
  deactivate.version = user_.version;
  deactivate.active = false;
  service::update_user(db_.store(), service::system_actor(), &plan_, user_.id, deactivate);
  EXPECT_FALSE(service::authenticate(db_.store(), again.token, std::chrono::minutes(30)));
  EXPECT_THROW(service::login(db_.store(), "lin", kPassword, "192.0.2.7"), service::Failure);
}

TEST_F(AccountsAndSessions, LoginDelaysStartAtOneSecondAndDoubleUpToThirty) {
  using std::chrono::milliseconds;
  EXPECT_EQ(service::login_delay(-1), milliseconds(0));
  EXPECT_EQ(service::login_delay(0), milliseconds(0));
  EXPECT_EQ(service::login_delay(1), milliseconds(1000));
  EXPECT_EQ(service::login_delay(2), milliseconds(2000));
  EXPECT_EQ(service::login_delay(5), milliseconds(16000));
  EXPECT_EQ(service::login_delay(6), milliseconds(30000));
  EXPECT_EQ(service::login_delay(1000), milliseconds(30000));
}

// Sign-ins at moments the test chooses (login's `now`), so windows slide without waiting.
class LoginThrottling : public AccountsAndSessions {
 protected:
  void SetUp() override {
    AccountsAndSessions::SetUp();
    service::create_user(db_.store(), service::system_actor(), &plan_,
                         {"chen", "陳科員", kPassword, "viewer", ""});
  }
  core::Clock::time_point at(std::chrono::seconds offset) const { return start_ + offset; }

  // The failure a wrong try raises (fails the test when it is not one).
  service::Failure wrong(const std::string& username, const std::string& address,
                         std::chrono::seconds offset = std::chrono::seconds{0}) {
    try {
      service::login(db_.store(), username, "wrong password!", address, at(offset));
    } catch (const service::Failure& failure) {
      return failure;
    }
    ADD_FAILURE() << "a wrong password signed " << username << " in";
    return service::Failure(service::FailureKind::invalid, "");
  }
  service::LoginResult right(const std::string& username, const std::string& address,
                             std::chrono::seconds offset = std::chrono::seconds{0}) {
    return service::login(db_.store(), username, kPassword, address, at(offset));
  }
  std::size_t audited(const std::string& action) {
    std::size_t count = 0;
    for (const auto& entry : db_.store().query_audit(
             {"session", std::nullopt, std::nullopt, std::nullopt, std::nullopt, 0, 1000}))
      count += entry.action == action;
    return count;
  }

  // Recent, so sessions made at these moments are not idle for authenticate().
  const core::Clock::time_point start_ = core::Clock::now() - std::chrono::minutes(1);
};

TEST_F(LoginThrottling, AnAccountPastItsFreeFailuresIsSlowedDownButTheRightPasswordSignsIn) {
  using std::chrono::milliseconds;
  // Five free failures, from addresses of their own, answered at once.
  for (int attempt = 0; attempt < 5; ++attempt) {
    const auto failure = wrong("lin", "198.51.100." + std::to_string(attempt));
    EXPECT_EQ(failure.kind, service::FailureKind::unauthorized);
    EXPECT_EQ(failure.response_delay, milliseconds(0));
  }
  EXPECT_EQ(wrong("lin", "198.51.100.9").response_delay, milliseconds(0));
  EXPECT_EQ(wrong("lin", "198.51.100.9").response_delay, milliseconds(1000));
  // Seven failures: two beyond the free ones. The right password is slowed down alike, and
  // signs in.
  const auto signed_in = right("lin", "203.0.113.5");
  EXPECT_EQ(signed_in.response_delay, milliseconds(2000));
  EXPECT_TRUE(service::authenticate(db_.store(), signed_in.token, std::chrono::minutes(30)));
  // The account's own success clears its window.
  EXPECT_EQ(wrong("lin", "198.51.100.9").response_delay, milliseconds(0));
}

TEST_F(LoginThrottling, TheSlowdownGrowsWithTheFailuresAndEndsAsTheWindowSlidesOn) {
  using std::chrono::milliseconds;
  using std::chrono::seconds;
  for (int attempt = 0; attempt < 12; ++attempt)
    EXPECT_EQ(
        wrong("lin", "198.51.100." + std::to_string(attempt), seconds(attempt)).response_delay,
        service::login_delay(attempt - 5));
  EXPECT_EQ(right("lin", "203.0.113.5", seconds(60)).response_delay, milliseconds(30000));
  for (int attempt = 0; attempt < 7; ++attempt)
    wrong("chen", "198.51.100." + std::to_string(attempt));
  // Seven failures at 0 s: still in the window at 15 minutes, gone a second later (when
  // only the failure at 15 minutes is left).
  EXPECT_EQ(wrong("chen", "203.0.113.5", seconds(15 * 60)).response_delay, milliseconds(2000));
  EXPECT_EQ(wrong("chen", "203.0.113.5", seconds(15 * 60 + 1)).response_delay, milliseconds(0));
}

TEST_F(LoginThrottling, AnAddressOverItsLimitIsRefusedUntilItsFailuresLeaveTheWindow) {
  using std::chrono::seconds;
  const std::string address = "198.51.100.1";
  for (int attempt = 0; attempt < 15; ++attempt) wrong("guess" + std::to_string(attempt), address);
  // Signing in to one's own account clears nothing of the address's count.
  right("chen", address, seconds(10));
  for (int attempt = 0; attempt < 5; ++attempt)
    wrong("more" + std::to_string(attempt), address, seconds(20));
  const auto audit_entries = audited("login.failed");
  // Twenty failures: refused, even with the right password, without a trace.
  for (const char* username : {"lin", "someone"}) {
    try {
      right(username, address, seconds(30));
      ADD_FAILURE() << "the address is over its limit";
    } catch (const service::Failure& failure) {
      EXPECT_EQ(failure.kind, service::FailureKind::throttled);
      // The oldest failure, at 0 s, leaves the window at 15 min + 1 s.
      EXPECT_EQ(failure.retry_after_seconds, 15 * 60 + 1 - 30);
      EXPECT_EQ(failure.response_delay, std::chrono::milliseconds(0));
    }
  }
  EXPECT_EQ(audited("login.failed"), audit_entries);
  EXPECT_EQ(db_.store().login_failures("user:lin", "", 100).size(), 0u);
  // Another address is not limited by this one's failures.
  EXPECT_NO_THROW(right("lin", "198.51.100.2", seconds(30)));
  // Once the oldest failures have left the window, the address may try again.
  EXPECT_THROW(right("lin", address, seconds(15 * 60)), service::Failure);
  EXPECT_NO_THROW(right("lin", address, seconds(15 * 60 + 1)));
}

// One customer is given a whole IPv6 /64: a fresh address per guess must not bring a
// fresh count.
TEST_F(LoginThrottling, IPv6AddressesShareTheCountOfTheirSlash64) {
  for (int attempt = 0; attempt < 20; ++attempt)
    wrong("guess" + std::to_string(attempt), "2001:db8:1:2::" + std::to_string(attempt + 1));
  try {
    right("lin", "2001:db8:1:2:ffff::1");
    ADD_FAILURE() << "a fresh address of the same /64 was not limited";
  } catch (const service::Failure& failure) {
    EXPECT_EQ(failure.kind, service::FailureKind::throttled);
  }
  EXPECT_NO_THROW(right("lin", "2001:db8:1:3::1"));
}

TEST_F(LoginThrottling, FailuresAreAuditedAndKeptBoundedWhateverAGuesserSends) {
  using std::chrono::seconds;
  for (int attempt = 0; attempt < 15; ++attempt)
    wrong("lin", "198.51.100." + std::to_string(attempt), seconds(attempt));
  // The free failures and the first beyond them are in the (append-only) audit log, the
  // rest counted only; names that are no account are not logged at all.
  EXPECT_EQ(audited("login.failed"), 6u);
  for (int attempt = 0; attempt < 10; ++attempt)
    wrong("nobody" + std::to_string(attempt), "198.51.100.99", seconds(attempt));
  EXPECT_EQ(audited("login.failed"), 6u);
  // Each failure prunes those that have left the window, under every key.
  wrong("chen", "203.0.113.5", seconds(20 * 60));
  EXPECT_EQ(db_.store().login_failures("user:lin", "", 100).size(), 0u);
  EXPECT_EQ(db_.store().login_failures("address:198.51.100.99", "", 100).size(), 0u);
  EXPECT_EQ(db_.store().login_failures("address:203.0.113.5", "", 100).size(), 1u);
  // A new window is logged again.
  wrong("lin", "198.51.100.1", seconds(20 * 60));
  EXPECT_EQ(audited("login.failed"), 8u);
}

TEST_F(LoginThrottling, ANameLongerThanAnyAccountsIsCountedWithoutBeingStored) {
  const std::string name(1 << 20, 'x');
  for (int attempt = 0; attempt < 6; ++attempt)
    wrong(name, "198.51.100." + std::to_string(attempt));
  EXPECT_EQ(wrong(name, "198.51.100.9").response_delay, std::chrono::milliseconds(1000));
  EXPECT_TRUE(db_.store().login_failures("user:" + name, "", 100).empty());
}

TEST_F(LoginThrottling, SigningInAgainAndAgainKeepsTheTwentySessionsLastUsed) {
  std::vector<std::string> tokens;
  for (int attempt = 0; attempt < 22; ++attempt)
    tokens.push_back(right("lin", "203.0.113.5", std::chrono::seconds(attempt)).token);
  for (std::size_t i = 0; i < tokens.size(); ++i)
    EXPECT_EQ(service::authenticate(db_.store(), tokens[i], std::chrono::minutes(30)).has_value(),
              i >= 2)
        << i;
}

}  // namespace
}  // namespace planscore
