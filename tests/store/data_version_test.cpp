// The data version: every write evaluation reads moves it, in any connection; writes
// that change nothing, or that evaluation does not read, leave it alone.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::IsEmpty;

class DataVersionTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    store_ = open_store();
    ASSERT_THAT(store_->apply_registers({records_trainings()}), IsEmpty());
  }
  // Whether `write` moved the data version forward (and only forward).
  template <typename Write>
  bool bumps(Write write) {
    const std::int64_t before = store_->data_version();
    write();
    const std::int64_t after = store_->data_version();
    EXPECT_GE(after, before);
    return after != before;
  }
  std::unique_ptr<Store> store_;
};

TEST_F(DataVersionTest, EveryWriteEvaluationReadsBumpsIt) {
  EXPECT_TRUE(bumps([&] { store_->save_plan("p", "plan", "doc", 0); }));
  EXPECT_TRUE(bumps([&] { store_->save_plan("p", "plan", "doc 2", 1); }));
  std::int64_t id = 0;
  EXPECT_TRUE(bumps([&] {
    id = store_
             ->insert_records(records_trainings(),
                              {record({"2015-03-01", "研習", integer(40), 4.5})})
             .at(0);
  }));
  EXPECT_TRUE(bumps([&] {
    store_->update_record(records_trainings(), id, record({"2015-03-01", "改", integer(1), 1.0}),
                          1);
  }));
  EXPECT_TRUE(bumps([&] { store_->delete_record(records_trainings(), id, 2); }));
  EXPECT_TRUE(bumps([&] { store_->set_manual_value("p", {"b1-1", 104, 1, "n"}); }));
  EXPECT_TRUE(bumps([&] { store_->save_manual_value("p", {"b1-2", 104, 1, "n"}, 0); }));
  EXPECT_TRUE(bumps([&] { store_->save_manual_value("p", {"b1-2", 104, 2, "n"}, 1); }));
  EXPECT_TRUE(bumps([&] { store_->delete_manual_value("p", "b1-2", 104, 2); }));
}

TEST_F(DataVersionTest, RefusedWritesLeaveIt) {
  ASSERT_EQ(store_->save_plan("p", "plan", "doc", 0), 1);
  const std::int64_t id =
      store_
          ->insert_records(records_trainings(), {record({"2015-03-01", "研習", integer(40), 4.5})})
          .at(0);
  ASSERT_EQ(store_->save_manual_value("p", {"b1-1", 104, 1, "n"}, 0), 1);
  EXPECT_FALSE(bumps([&] { store_->save_plan("p", "plan", "stale", 7); }));
  EXPECT_FALSE(bumps([&] {
    store_->update_record(records_trainings(), id, record({"2015-03-01", "x", integer(1), 1.0}), 9);
  }));
  EXPECT_FALSE(bumps([&] { store_->delete_record(records_trainings(), id, 9); }));
  EXPECT_FALSE(bumps([&] { store_->save_manual_value("p", {"b1-1", 104, 2, "n"}, 0); }));
  EXPECT_FALSE(bumps([&] { store_->save_manual_value("p", {"b1-1", 104, 2, "n"}, 9); }));
  EXPECT_FALSE(bumps([&] { store_->delete_manual_value("p", "b1-1", 104, 9); }));
  EXPECT_FALSE(bumps([&] { store_->insert_records(records_trainings(), {}); }));
}

TEST_F(DataVersionTest, AccountsAuditAndReviewsLeaveIt) {
  EXPECT_FALSE(bumps([&] {
    const auto user = store_->create_user({0, "amy", "Amy", "hash", "admin", "", true, 0, "t", ""});
    store_->append_audit({0, "t", *user, "amy", "login", "session", "", "", "", ""});
    store_->save_review({"p", "b1-1", 104, "submitted", "", 0, "t", *user}, 0);
    store_->lock_year({"p", 104, "t", *user});
  }));
}

TEST_F(DataVersionTest, OtherConnectionsSeeTheChange) {
  auto other = open_store();
  const std::int64_t seen = other->data_version();
  store_->set_manual_value("p", {"b1-1", 104, 1, "n"});
  EXPECT_GT(other->data_version(), seen);
}

TEST_F(DataVersionTest, RolledBackWritesLeaveIt) {
  const std::int64_t before = store_->data_version();
  {
    Transaction transaction(*store_);
    store_->set_manual_value("p", {"b1-1", 104, 1, "n"});
    store_->insert_records(records_trainings(), {record({"2015-03-01", "研習", integer(1), 1.0})});
  }
  EXPECT_EQ(store_->data_version(), before);
}

}  // namespace
}  // namespace planscore::store::testing
