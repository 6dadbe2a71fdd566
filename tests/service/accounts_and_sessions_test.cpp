// Accounts and sessions at the service layer: hashing, idle expiry, throttling, and
// refusals that leave everything as it was.
#include <gtest/gtest.h>

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

TEST_F(AccountsAndSessions, LoginDelaysDoubleUpToAQuarterHour) {
  EXPECT_EQ(service::login_delay(-1).count(), 0);
  EXPECT_EQ(service::login_delay(0).count(), 4);
  EXPECT_EQ(service::login_delay(3).count(), 32);
  EXPECT_EQ(service::login_delay(50).count(), 15 * 60);
}

TEST_F(AccountsAndSessions, ThrottlingCountsPerAccountAndPerAddress) {
  for (int attempt = 0; attempt < 5; ++attempt)
    EXPECT_THROW(service::login(db_.store(), "lin", "wrong password!", "198.51.100.1"),
                 service::Failure);
  // Five more, as if tried just now: the wait (2 minutes) outlasts any slow test machine.
  const std::string now = core::iso_timestamp(core::Clock::now());
  for (int attempt = 0; attempt < 5; ++attempt) db_.store().record_login_failure("user:lin", now);
  try {
    service::login(db_.store(), "lin", kPassword, "198.51.100.2");
    ADD_FAILURE() << "the account is throttled from any address";
  } catch (const service::Failure& failure) {
    EXPECT_EQ(failure.kind, service::FailureKind::throttled);
    EXPECT_GE(failure.retry_after_seconds, 100);
    EXPECT_LE(failure.retry_after_seconds, 128);
  }
  auto trail = db_.store().query_audit(
      {"session", std::nullopt, std::nullopt, std::nullopt, std::nullopt, 0, 10});
  EXPECT_EQ(trail.size(), 5u);
  EXPECT_EQ(trail[0].action, "login.failed");
}

}  // namespace
}  // namespace planscore
