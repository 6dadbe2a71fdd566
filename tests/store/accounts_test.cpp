// Users, sessions and login failures.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::ElementsAre;

UserRow user_named(std::string username) {
  UserRow user;
  user.username = std::move(username);
  user.display_name = "王小明";
  user.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  user.role = "section_staff";
  user.section_id = "documents";
  user.created_at = "2026-11-27T08:30:00Z";
  user.password_changed_at = "2026-11-27T08:30:00Z";
  return user;
}

SessionRow session_of(std::int64_t user_id, std::string token_hash, std::string last_seen_at) {
  return {std::move(token_hash),
          user_id,
          "csrf-" + std::to_string(user_id),
          "2026-11-27T08:00:00Z",
          std::move(last_seen_at),
          "192.0.2.1"};
}

class AccountsTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    store_ = open_store();
  }
  std::unique_ptr<Store> store_;
};

TEST_F(AccountsTest, CreatedUserReadsBackWithIdAndVersionOne) {
  EXPECT_EQ(store_->count_users(), 0);
  const auto id = store_->create_user(user_named("wang"));
  ASSERT_TRUE(id.has_value());
  EXPECT_GT(*id, 0);
  const auto found = store_->find_user(*id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, *id);
  EXPECT_EQ(found->username, "wang");
  EXPECT_EQ(found->display_name, "王小明");
  EXPECT_EQ(found->password_hash, user_named("").password_hash);
  EXPECT_EQ(found->role, "section_staff");
  EXPECT_EQ(found->section_id, "documents");
  EXPECT_TRUE(found->active);
  EXPECT_EQ(found->version, 1);
  EXPECT_EQ(found->created_at, "2026-11-27T08:30:00Z");
  EXPECT_EQ(found->password_changed_at, "2026-11-27T08:30:00Z");
  EXPECT_EQ(store_->find_user_by_name("wang")->id, *id);
  EXPECT_EQ(store_->count_users(), 1);
  EXPECT_FALSE(store_->find_user(*id + 1).has_value());
  EXPECT_FALSE(store_->find_user_by_name("nobody").has_value());
}

TEST_F(AccountsTest, TakenUsernameIsRefusedCaseSensitively) {
  ASSERT_TRUE(store_->create_user(user_named("wang")).has_value());
  UserRow again = user_named("wang");
  again.display_name = "冒名者";
  EXPECT_EQ(store_->create_user(again), std::nullopt);
  EXPECT_EQ(store_->count_users(), 1);
  EXPECT_EQ(store_->find_user_by_name("wang")->display_name, "王小明");
  EXPECT_TRUE(store_->create_user(user_named("Wang")).has_value());
  EXPECT_EQ(store_->count_users(), 2);
}

TEST_F(AccountsTest, ListsUsersByUsername) {
  for (const char* name : {"lin", "chen", "wang"})
    ASSERT_TRUE(store_->create_user(user_named(name)));
  std::vector<std::string> names;
  for (const UserRow& user : store_->list_users()) names.push_back(user.username);
  EXPECT_THAT(names, ElementsAre("chen", "lin", "wang"));
}

TEST_F(AccountsTest, UpdateAtTheReadVersionWritesAllButIdAndCreation) {
  const std::int64_t id = *store_->create_user(user_named("wang"));
  UserRow changed = *store_->find_user(id);
  changed.username = "wang2";
  changed.display_name = "王大明";
  changed.password_hash = "new-hash";
  changed.role = "admin";
  changed.section_id = "";
  changed.active = false;
  changed.created_at = "1999-01-01T00:00:00Z";
  changed.password_changed_at = "2026-12-01T00:00:00Z";
  EXPECT_EQ(store_->update_user(changed), 2);
  const UserRow found = *store_->find_user(id);
  EXPECT_EQ(found.username, "wang2");
  EXPECT_EQ(found.display_name, "王大明");
  EXPECT_EQ(found.password_hash, "new-hash");
  EXPECT_EQ(found.role, "admin");
  EXPECT_EQ(found.section_id, "");
  EXPECT_FALSE(found.active);
  EXPECT_EQ(found.version, 2);
  EXPECT_EQ(found.created_at, "2026-11-27T08:30:00Z");
  EXPECT_EQ(found.password_changed_at, "2026-12-01T00:00:00Z");
}

TEST_F(AccountsTest, StaleUpdateOrRenameOntoATakenNameWritesNothing) {
  const std::int64_t id = *store_->create_user(user_named("wang"));
  ASSERT_TRUE(store_->create_user(user_named("lin")));
  UserRow first = *store_->find_user(id);
  UserRow second = first;
  first.display_name = "第一";
  ASSERT_EQ(store_->update_user(first), 2);
  second.display_name = "過期";
  EXPECT_EQ(store_->update_user(second), std::nullopt);
  UserRow renamed = *store_->find_user(id);
  renamed.username = "lin";
  EXPECT_EQ(store_->update_user(renamed), std::nullopt);
  const UserRow found = *store_->find_user(id);
  EXPECT_EQ(found.username, "wang");
  EXPECT_EQ(found.display_name, "第一");
  EXPECT_EQ(found.version, 2);
  UserRow missing = found;
  missing.id = id + 100;
  EXPECT_EQ(store_->update_user(missing), std::nullopt);
}

TEST_F(AccountsTest, SessionsAreCreatedFoundTouchedAndDeleted) {
  const std::int64_t id = *store_->create_user(user_named("wang"));
  store_->create_session(session_of(id, "hash-a", "2026-11-27T08:00:00Z"));
  auto found = store_->find_session("hash-a");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->session.user_id, id);
  EXPECT_EQ(found->session.csrf_token, "csrf-" + std::to_string(id));
  EXPECT_EQ(found->session.created_at, "2026-11-27T08:00:00Z");
  EXPECT_EQ(found->session.address, "192.0.2.1");
  EXPECT_EQ(found->user.id, id);
  EXPECT_EQ(found->user.username, "wang");
  store_->touch_session("hash-a", "2026-11-27T09:15:00Z");
  EXPECT_EQ(store_->find_session("hash-a")->session.last_seen_at, "2026-11-27T09:15:00Z");
  store_->delete_session("hash-a");
  EXPECT_FALSE(store_->find_session("hash-a").has_value());
  EXPECT_FALSE(store_->find_session("' OR '1'='1").has_value());
}

TEST_F(AccountsTest, SessionOfAnUnknownUserIsRefused) {
  EXPECT_THROW(store_->create_session(session_of(42, "hash-a", "2026-11-27T08:00:00Z")),
               StoreError);
}

TEST_F(AccountsTest, EndingAUsersSessionsCanKeepOne) {
  const std::int64_t wang = *store_->create_user(user_named("wang"));
  const std::int64_t lin = *store_->create_user(user_named("lin"));
  for (const char* hash : {"w1", "w2", "w3"}) store_->create_session(session_of(wang, hash, "t"));
  store_->create_session(session_of(lin, "l1", "t"));
  store_->delete_user_sessions(wang, "w2");
  EXPECT_THAT(database().rows("SELECT token_hash FROM sessions ORDER BY token_hash"),
              ElementsAre("l1", "w2"));
  store_->delete_user_sessions(wang, "");
  EXPECT_THAT(database().rows("SELECT token_hash FROM sessions"), ElementsAre("l1"));
}

TEST_F(AccountsTest, IdleSessionsAreDeletedByLastSeen) {
  const std::int64_t id = *store_->create_user(user_named("wang"));
  store_->create_session(session_of(id, "old", "2026-11-27T07:00:00Z"));
  store_->create_session(session_of(id, "older", "2026-11-26T07:00:00Z"));
  store_->create_session(session_of(id, "fresh", "2026-11-27T09:00:00Z"));
  EXPECT_EQ(store_->delete_idle_sessions("2026-11-27T08:00:00Z"), 2);
  EXPECT_EQ(store_->delete_idle_sessions("2026-11-27T08:00:00Z"), 0);
  EXPECT_TRUE(store_->find_session("fresh").has_value());
}

TEST_F(AccountsTest, AUsersSessionsBeyondTheLastSeenAreEnded) {
  const std::int64_t wang = *store_->create_user(user_named("wang"));
  const std::int64_t lin = *store_->create_user(user_named("lin"));
  store_->create_session(session_of(wang, "w-oldest", "2026-11-27T07:00:00Z"));
  store_->create_session(session_of(wang, "w-newest", "2026-11-27T09:00:00Z"));
  store_->create_session(session_of(wang, "w-middle", "2026-11-27T08:00:00Z"));
  store_->create_session(session_of(lin, "l-old", "2026-11-26T07:00:00Z"));
  EXPECT_EQ(store_->delete_user_sessions_beyond(wang, 2), 1);
  EXPECT_EQ(store_->delete_user_sessions_beyond(wang, 2), 0);
  EXPECT_THAT(database().rows("SELECT token_hash FROM sessions ORDER BY token_hash"),
              ElementsAre("l-old", "w-middle", "w-newest"));
}

TEST_F(AccountsTest, LoginFailuresAreTimesPerKeyReadNewestFirstWithinAWindow) {
  EXPECT_TRUE(store_->login_failures("user:wang", "", 10).empty());
  for (const char* at : {"2026-11-27T08:00:00Z", "2026-11-27T08:02:00Z", "2026-11-27T08:01:00Z",
                         "2026-11-27T08:02:00Z"})
    store_->record_login_failure("user:wang", at);
  store_->record_login_failure("address:192.0.2.1", "2026-11-27T08:02:00Z");
  EXPECT_THAT(store_->login_failures("user:wang", "2026-11-27T08:01:00Z", 10),
              ElementsAre("2026-11-27T08:02:00Z", "2026-11-27T08:02:00Z", "2026-11-27T08:01:00Z"));
  EXPECT_THAT(store_->login_failures("user:wang", "", 2),
              ElementsAre("2026-11-27T08:02:00Z", "2026-11-27T08:02:00Z"));
  store_->clear_login_failures("user:wang");
  EXPECT_TRUE(store_->login_failures("user:wang", "", 10).empty());
  EXPECT_EQ(store_->login_failures("address:192.0.2.1", "", 10).size(), 1u);
}

TEST_F(AccountsTest, LoginFailuresBeforeACutoffArePrunedUnderEveryKey) {
  store_->record_login_failure("user:wang", "2026-11-27T07:00:00Z");
  store_->record_login_failure("address:192.0.2.1", "2026-11-27T07:59:59Z");
  store_->record_login_failure("address:192.0.2.1", "2026-11-27T08:00:00Z");
  EXPECT_EQ(store_->prune_login_failures("2026-11-27T08:00:00Z"), 2);
  EXPECT_EQ(store_->prune_login_failures("2026-11-27T08:00:00Z"), 0);
  EXPECT_THAT(database().rows("SELECT key || ' ' || failed_at FROM login_failures"),
              ElementsAre("address:192.0.2.1 2026-11-27T08:00:00Z"));
}

}  // namespace
}  // namespace planscore::store::testing
