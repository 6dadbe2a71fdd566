// Manual values with versions: unconditional upserts and optimistic saves and deletes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::ElementsAre;

class ManualValueVersionsTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    store_ = open_store();
  }
  std::vector<std::string> stored() {
    return database().rows(
        "SELECT indicator_id, year, value, note, version FROM manual_values "
        "ORDER BY indicator_id, year");
  }
  std::unique_ptr<Store> store_;
};

TEST_F(ManualValueVersionsTest, SetReturnsTheNewVersion) {
  EXPECT_EQ(store_->set_manual_value("p", {"b5-1", 104, 180, "人工填報"}), 1);
  EXPECT_EQ(store_->set_manual_value("p", {"b5-1", 104, 175, "更正"}), 2);
  EXPECT_EQ(store_->set_manual_value("p", {"b5-1", 105, 1, ""}), 1);
  const auto values = store_->manual_values("p");
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(values[0].version, 2);
  EXPECT_DOUBLE_EQ(values[0].value, 175);
  EXPECT_EQ(values[1].version, 1);
}

TEST_F(ManualValueVersionsTest, SaveAtZeroOnlyCreates) {
  EXPECT_EQ(store_->save_manual_value("p", {"b5-1", 104, 180, "第一"}, 0), 1);
  EXPECT_EQ(store_->save_manual_value("p", {"b5-1", 104, 999, "搶先"}, 0), std::nullopt);
  EXPECT_THAT(stored(), ElementsAre("b5-1|104|" + database().real(180) + "|第一|1"));
}

TEST_F(ManualValueVersionsTest, SaveAtTheReadVersionWritesStaleWritesNothing) {
  ASSERT_EQ(store_->save_manual_value("p", {"b5-1", 104, 180, "第一"}, 0), 1);
  EXPECT_EQ(store_->save_manual_value("p", {"b5-1", 104, 181, "第二"}, 1), 2);
  EXPECT_EQ(store_->save_manual_value("p", {"b5-1", 104, 1, "過期"}, 1), std::nullopt);
  EXPECT_EQ(store_->save_manual_value("p", {"b5-2", 104, 1, "不存在"}, 1), std::nullopt);
  EXPECT_THAT(stored(), ElementsAre("b5-1|104|" + database().real(181) + "|第二|2"));
  // An unconditional set continues the same version sequence.
  EXPECT_EQ(store_->set_manual_value("p", {"b5-1", 104, 182, "第三"}), 3);
  EXPECT_EQ(store_->save_manual_value("p", {"b5-1", 104, 183, "第四"}, 3), 4);
}

TEST_F(ManualValueVersionsTest, DeleteNeedsTheCurrentVersion) {
  ASSERT_EQ(store_->set_manual_value("p", {"b5-1", 104, 180, "n"}), 1);
  ASSERT_EQ(store_->set_manual_value("p", {"b5-1", 104, 181, "n"}), 2);
  EXPECT_FALSE(store_->delete_manual_value("p", "b5-1", 104, 1));
  EXPECT_FALSE(store_->delete_manual_value("p", "b5-1", 105, 2));
  EXPECT_FALSE(store_->delete_manual_value("q", "b5-1", 104, 2));
  EXPECT_EQ(stored().size(), 1u);
  EXPECT_TRUE(store_->delete_manual_value("p", "b5-1", 104, 2));
  EXPECT_TRUE(store_->manual_values("p").empty());
  // Gone: it can be created afresh.
  EXPECT_EQ(store_->save_manual_value("p", {"b5-1", 104, 1, "n"}, 0), 1);
}

}  // namespace
}  // namespace planscore::store::testing
