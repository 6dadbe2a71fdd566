// Plans with optimistic versioning, and manual indicator values.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::ElementsAre;

class PlansTest : public TempDirTest {};

TEST_F(PlansTest, NewPlanStartsAtVersionOneAndBecomesCurrent) {
  auto store = open_store();
  EXPECT_FALSE(store->current_plan().has_value());
  EXPECT_EQ(store->save_plan("taichung", "臺中市政府秘書處", "{\"v\":1}", 0), 1);
  const auto current = store->current_plan();
  ASSERT_TRUE(current.has_value());
  EXPECT_EQ(current->id, "taichung");
  EXPECT_EQ(current->document, "{\"v\":1}");
  EXPECT_EQ(current->version, 1);
}

TEST_F(PlansTest, CurrentPlanVersionFollowsSaves) {
  auto store = open_store();
  EXPECT_FALSE(store->current_plan_version().has_value());
  ASSERT_EQ(store->save_plan("taichung", "秘書處", "one", 0), 1);
  ASSERT_EQ(store->save_plan("taichung", "秘書處", "two", 1), 2);
  ASSERT_EQ(store->save_plan("other", "別的", "x", 0), 1);
  auto current = store->current_plan_version();
  ASSERT_TRUE(current.has_value());
  EXPECT_EQ(current->id, "other");
  EXPECT_EQ(current->version, 1);
  ASSERT_EQ(store->save_plan("taichung", "秘書處", "three", 2), 3);
  current = store->current_plan_version();
  EXPECT_EQ(current->id, "taichung");
  EXPECT_EQ(current->version, 3);
  EXPECT_EQ(current->data_version, store->data_version());
}

TEST_F(PlansTest, SavingWithTheReadVersionIncrementsIt) {
  auto store = open_store();
  ASSERT_EQ(store->save_plan("taichung", "秘書處", "one", 0), 1);
  EXPECT_EQ(store->save_plan("taichung", "秘書處", "two", 1), 2);
  EXPECT_EQ(store->save_plan("taichung", "秘書處", "three", 2), 3);
  EXPECT_EQ(store->current_plan()->document, "three");
}

TEST_F(PlansTest, StaleVersionWritesNothing) {
  auto store = open_store();
  ASSERT_EQ(store->save_plan("taichung", "秘書處", "one", 0), 1);
  ASSERT_EQ(store->save_plan("taichung", "秘書處", "two", 1), 2);
  EXPECT_EQ(store->save_plan("taichung", "改名", "stale", 1), std::nullopt);
  EXPECT_EQ(store->save_plan("taichung", "改名", "stale", 0), std::nullopt);
  EXPECT_EQ(store->save_plan("taichung", "改名", "stale", 7), std::nullopt);
  EXPECT_EQ(store->current_plan()->document, "two");
  EXPECT_EQ(store->current_plan()->version, 2);
  EXPECT_THAT(database().rows("SELECT name, version FROM plans"), ElementsAre("秘書處|2"));
}

TEST_F(PlansTest, StaleVersionFromAnotherConnectionIsRefused) {
  auto first = open_store();
  auto second = open_store();
  ASSERT_EQ(first->save_plan("p", "plan", "a", 0), 1);
  const auto read_by_second = second->current_plan();
  ASSERT_EQ(first->save_plan("p", "plan", "b", 1), 2);
  EXPECT_EQ(second->save_plan("p", "plan", "c", read_by_second->version), std::nullopt);
  EXPECT_EQ(second->current_plan()->document, "b");
}

TEST_F(PlansTest, LastSavedPlanIsCurrent) {
  auto store = open_store();
  ASSERT_EQ(store->save_plan("old", "舊計畫", "old", 0), 1);
  ASSERT_EQ(store->save_plan("new", "新計畫", "new", 0), 1);
  EXPECT_EQ(store->current_plan()->id, "new");
  ASSERT_EQ(store->save_plan("old", "舊計畫", "old again", 1), 2);
  EXPECT_EQ(store->current_plan()->id, "old");
  EXPECT_THAT(database().rows("SELECT COUNT(*) FROM plans WHERE is_current = 1"), ElementsAre("1"));
}

TEST_F(PlansTest, ManualValuesUpsertPerIndicatorAndYear) {
  auto store = open_store();
  store->set_manual_value("taichung", {"b5-1", 104, 180, "人工填報"});
  store->set_manual_value("taichung", {"b1-1", 105, 512.5, ""});
  store->set_manual_value("taichung", {"b5-1", 104, 175, "更正"});
  store->set_manual_value("other", {"b5-1", 104, 1, ""});

  const auto values = store->manual_values("taichung");
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(values[0].indicator_id, "b1-1");
  EXPECT_EQ(values[0].year, 105);
  EXPECT_DOUBLE_EQ(values[0].value, 512.5);
  EXPECT_EQ(values[1].indicator_id, "b5-1");
  EXPECT_DOUBLE_EQ(values[1].value, 175);
  EXPECT_EQ(values[1].note, "更正");
  EXPECT_TRUE(store->manual_values("nobody").empty());
}

}  // namespace
}  // namespace planscore::store::testing
