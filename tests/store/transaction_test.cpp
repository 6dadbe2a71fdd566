// Transactions: commit keeps, rollback and destruction discard.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::IsEmpty;

class TransactionTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    store_ = open_store();
    ASSERT_THAT(store_->apply_registers({records_trainings()}), IsEmpty());
  }
  void insert_one() {
    store_->insert_records(records_trainings(),
                           {record({"2015-03-01", "研習", integer(40), std::monostate{}})});
  }
  std::unique_ptr<Store> store_;
};

TEST_F(TransactionTest, CommitKeepsTheWrites) {
  {
    Transaction transaction(*store_);
    insert_one();
    store_->save_plan("p", "plan", "doc", 0);
    transaction.commit();
  }
  EXPECT_EQ(store_->count_records(records_trainings()), 1);
  EXPECT_TRUE(store_->current_plan().has_value());
}

TEST_F(TransactionTest, DestroyedWithoutCommitLeavesNothing) {
  {
    Transaction transaction(*store_);
    insert_one();
    insert_one();
    store_->save_plan("p", "plan", "doc", 0);  // joins the open transaction
    store_->set_manual_value("p", {"b1-1", 104, 1, ""});
  }
  EXPECT_EQ(store_->count_records(records_trainings()), 0);
  EXPECT_FALSE(store_->current_plan().has_value());
  EXPECT_TRUE(store_->manual_values("p").empty());
}

TEST_F(TransactionTest, FailedBatchInsideATransactionIsAllOrNothing) {
  try {
    Transaction transaction(*store_);
    store_->insert_records(records_trainings(),
                           {record({"2015-03-01", "ok", integer(1), 1.0}),
                            record({"2015-03-01", "bad", std::string("x"), 1.0})});
    transaction.commit();
  } catch (const StoreError&) {
  }
  EXPECT_EQ(store_->count_records(records_trainings()), 0);
}

TEST_F(TransactionTest, ExplicitRollbackDiscardsAndTheStoreStaysUsable) {
  store_->begin();
  insert_one();
  store_->rollback();
  EXPECT_EQ(store_->count_records(records_trainings()), 0);
  insert_one();
  EXPECT_EQ(store_->count_records(records_trainings()), 1);
}

TEST_F(TransactionTest, NestedBeginIsRefused) {
  Transaction transaction(*store_);
  EXPECT_THROW(store_->begin(), StoreError);
}

}  // namespace
}  // namespace planscore::store::testing
