// One record at a time: find, update and delete with optimistic versions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class RecordEditsTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    store_ = open_store();
    ASSERT_THAT(store_->apply_registers({records_trainings()}), IsEmpty());
    id_ = store_
              ->insert_records(records_trainings(),
                               {record({"2015-03-01", "研習", integer(40), 4.5})})
              .at(0);
  }
  std::string stored_row() {
    return database()
        .rows(
            "SELECT version, f_held_on, f_title, f_participants, f_satisfaction FROM "
            "reg_records_trainings WHERE id = " +
            std::to_string(id_))
        .at(0);
  }
  std::unique_ptr<Store> store_;
  std::int64_t id_ = 0;
};

TEST_F(RecordEditsTest, FindsARecordWithItsVersion) {
  const auto found = store_->find_record(records_trainings(), id_);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, id_);
  EXPECT_EQ(found->version, 1);
  EXPECT_EQ(std::get<std::string>(found->record.values[1]), "研習");
  EXPECT_EQ(std::get<std::int64_t>(found->record.values[2]), 40);
  EXPECT_FALSE(store_->find_record(records_trainings(), id_ + 1).has_value());
}

TEST_F(RecordEditsTest, UpdateAtTheReadVersionWritesAndIncrementsIt) {
  EXPECT_EQ(
      store_->update_record(records_trainings(), id_,
                            record({"2015-04-01", "改名研習", integer(41), std::monostate{}}), 1),
      2);
  EXPECT_EQ(stored_row(), "2|2015-04-01|改名研習|41|NULL");
  EXPECT_EQ(store_->update_record(records_trainings(), id_,
                                  record({"2015-04-01", "再改", integer(42), 3.0}), 2),
            3);
  const auto found = store_->find_record(records_trainings(), id_);
  EXPECT_EQ(found->version, 3);
  EXPECT_EQ(std::get<double>(found->record.values[3]), 3.0);
}

TEST_F(RecordEditsTest, StaleOrMissingUpdateWritesNothing) {
  ASSERT_EQ(store_->update_record(records_trainings(), id_,
                                  record({"2015-04-01", "第二版", integer(2), 2.0}), 1),
            2);
  const std::string before = stored_row();
  EXPECT_EQ(store_->update_record(records_trainings(), id_,
                                  record({"2015-05-01", "過期", integer(9), 9.0}), 1),
            std::nullopt);
  EXPECT_EQ(store_->update_record(records_trainings(), id_,
                                  record({"2015-05-01", "未來", integer(9), 9.0}), 5),
            std::nullopt);
  EXPECT_EQ(store_->update_record(records_trainings(), id_ + 99,
                                  record({"2015-05-01", "不存在", integer(9), 9.0}), 1),
            std::nullopt);
  EXPECT_EQ(stored_row(), before);
}

TEST_F(RecordEditsTest, OfTwoWritersAtTheSameVersionOneWins) {
  auto other = open_store();
  const auto mine = store_->find_record(records_trainings(), id_);
  const auto theirs = other->find_record(records_trainings(), id_);
  EXPECT_EQ(
      other->update_record(records_trainings(), id_,
                           record({"2015-03-01", "他們的", integer(1), 1.0}), theirs->version),
      2);
  EXPECT_EQ(store_->update_record(records_trainings(), id_,
                                  record({"2015-03-01", "我的", integer(2), 2.0}), mine->version),
            std::nullopt);
  EXPECT_EQ(stored_row(), "2|2015-03-01|他們的|1|" + database().real(1));
}

TEST_F(RecordEditsTest, MisfitValuesAreStoreErrorsAndWriteNothing) {
  const std::string before = stored_row();
  EXPECT_THROW(store_->update_record(records_trainings(), id_,
                                     record({"2015-03-01", "x", std::string("many"), 1.0}), 1),
               StoreError);
  EXPECT_THROW(store_->update_record(records_trainings(), id_, record({"2015-03-01"}), 1),
               StoreError);
  EXPECT_EQ(stored_row(), before);
}

TEST_F(RecordEditsTest, DeleteNeedsTheCurrentVersion) {
  EXPECT_FALSE(store_->delete_record(records_trainings(), id_, 2));
  EXPECT_EQ(store_->count_records(records_trainings()), 1);
  EXPECT_TRUE(store_->delete_record(records_trainings(), id_, 1));
  EXPECT_EQ(store_->count_records(records_trainings()), 0);
  EXPECT_FALSE(store_->delete_record(records_trainings(), id_, 1));
  EXPECT_FALSE(store_->find_record(records_trainings(), id_).has_value());
}

TEST_F(RecordEditsTest, EditsJoinTheCallersTransaction) {
  {
    Transaction transaction(*store_);
    ASSERT_EQ(store_->update_record(records_trainings(), id_,
                                    record({"2015-03-01", "未提交", integer(1), 1.0}), 1),
              2);
    ASSERT_TRUE(store_->delete_record(records_trainings(), id_, 2));
  }
  EXPECT_THAT(database().rows("SELECT version, f_title FROM reg_records_trainings"),
              ElementsAre("1|研習"));
}

}  // namespace
}  // namespace planscore::store::testing
