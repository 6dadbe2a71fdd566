// The review workflow: review states with optimistic versions, comments, year locks.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

ReviewRow review(std::string indicator_id, int year, std::string state,
                 std::string explanation = "") {
  return {"taichung", std::move(indicator_id), year, std::move(state), std::move(explanation),
          0,          "2026-11-27T08:00:00Z",  7};
}

std::vector<std::string> keys(const std::vector<ReviewRow>& reviews) {
  std::vector<std::string> result;
  for (const ReviewRow& row : reviews) {
    result.push_back(row.indicator_id + "/" + std::to_string(row.year) + ":" + row.state);
  }
  return result;
}

class ReviewsTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    store_ = open_store();
  }
  std::unique_ptr<Store> store_;
};

TEST_F(ReviewsTest, SaveAtZeroCreatesOnce) {
  EXPECT_FALSE(store_->find_review("taichung", "b1-1", 105).has_value());
  EXPECT_EQ(store_->save_review(review("b1-1", 105, "submitted", "未達成原因"), 0), 1);
  EXPECT_EQ(store_->save_review(review("b1-1", 105, "approved"), 0), std::nullopt);
  const auto found = store_->find_review("taichung", "b1-1", 105);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->plan_id, "taichung");
  EXPECT_EQ(found->state, "submitted");
  EXPECT_EQ(found->explanation, "未達成原因");
  EXPECT_EQ(found->version, 1);
  EXPECT_EQ(found->updated_at, "2026-11-27T08:00:00Z");
  EXPECT_EQ(found->updated_by, 7);
  EXPECT_FALSE(store_->find_review("taichung", "b1-1", 104).has_value());
  EXPECT_FALSE(store_->find_review("other", "b1-1", 105).has_value());
}

TEST_F(ReviewsTest, SaveAtTheReadVersionWritesStaleWritesNothing) {
  ASSERT_EQ(store_->save_review(review("b1-1", 105, "submitted"), 0), 1);
  ReviewRow approved = review("b1-1", 105, "approved", "符合");
  approved.updated_by = 9;
  approved.updated_at = "2026-11-28T08:00:00Z";
  EXPECT_EQ(store_->save_review(approved, 1), 2);
  EXPECT_EQ(store_->save_review(review("b1-1", 105, "returned"), 1), std::nullopt);
  EXPECT_EQ(store_->save_review(review("b1-2", 105, "returned"), 1), std::nullopt);
  const ReviewRow found = *store_->find_review("taichung", "b1-1", 105);
  EXPECT_EQ(found.state, "approved");
  EXPECT_EQ(found.explanation, "符合");
  EXPECT_EQ(found.version, 2);
  EXPECT_EQ(found.updated_by, 9);
  EXPECT_EQ(found.updated_at, "2026-11-28T08:00:00Z");
  EXPECT_FALSE(store_->find_review("taichung", "b1-2", 105).has_value());
}

TEST_F(ReviewsTest, ListsAPlansReviewsByYearThenIndicator) {
  ASSERT_TRUE(store_->save_review(review("b2-1", 105, "submitted"), 0));
  ASSERT_TRUE(store_->save_review(review("b1-1", 105, "approved"), 0));
  ASSERT_TRUE(store_->save_review(review("b1-1", 104, "draft"), 0));
  ReviewRow elsewhere = review("b1-1", 105, "draft");
  elsewhere.plan_id = "other";
  ASSERT_TRUE(store_->save_review(elsewhere, 0));
  EXPECT_THAT(keys(store_->list_reviews("taichung", std::nullopt)),
              ElementsAre("b1-1/104:draft", "b1-1/105:approved", "b2-1/105:submitted"));
  EXPECT_THAT(keys(store_->list_reviews("taichung", 105)),
              ElementsAre("b1-1/105:approved", "b2-1/105:submitted"));
  EXPECT_THAT(store_->list_reviews("taichung", 103), IsEmpty());
}

TEST_F(ReviewsTest, CommentsListOldestFirstPerIndicatorAndYear) {
  const auto comment = [](std::string indicator_id, int year, std::string body) {
    return CommentRow{0, "taichung", std::move(indicator_id), year,
                      3, "lin",      std::move(body),         "2026-11-27T08:00:00Z"};
  };
  const std::int64_t first = store_->add_comment(comment("b1-1", 105, "請補充說明"));
  const std::int64_t second = store_->add_comment(comment("b1-1", 105, "已補充 'ok'; --"));
  store_->add_comment(comment("b1-1", 104, "別年"));
  store_->add_comment(comment("b1-2", 105, "別的指標"));
  EXPECT_LT(first, second);
  const auto comments = store_->list_comments("taichung", "b1-1", 105);
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0].id, first);
  EXPECT_EQ(comments[0].body, "請補充說明");
  EXPECT_EQ(comments[0].user_id, 3);
  EXPECT_EQ(comments[0].username, "lin");
  EXPECT_EQ(comments[0].plan_id, "taichung");
  EXPECT_EQ(comments[0].indicator_id, "b1-1");
  EXPECT_EQ(comments[0].year, 105);
  EXPECT_EQ(comments[0].created_at, "2026-11-27T08:00:00Z");
  EXPECT_EQ(comments[1].body, "已補充 'ok'; --");
  EXPECT_THAT(store_->list_comments("taichung", "b9-9", 105), IsEmpty());
}

TEST_F(ReviewsTest, YearLocksKeepTheFirstLockUntilUnlocked) {
  store_->lock_year({"taichung", 105, "2026-11-27T08:00:00Z", 1});
  store_->lock_year({"taichung", 104, "2026-11-27T09:00:00Z", 2});
  store_->lock_year({"taichung", 105, "2026-11-28T08:00:00Z", 3});
  store_->lock_year({"other", 105, "2026-11-27T08:00:00Z", 1});
  const auto locks = store_->year_locks("taichung");
  ASSERT_EQ(locks.size(), 2u);
  EXPECT_EQ(locks[0].year, 104);
  EXPECT_EQ(locks[1].year, 105);
  EXPECT_EQ(locks[1].plan_id, "taichung");
  EXPECT_EQ(locks[1].locked_at, "2026-11-27T08:00:00Z");
  EXPECT_EQ(locks[1].locked_by, 1);
  EXPECT_TRUE(store_->unlock_year("taichung", 105));
  EXPECT_FALSE(store_->unlock_year("taichung", 105));
  EXPECT_EQ(store_->year_locks("taichung").size(), 1u);
  EXPECT_EQ(store_->year_locks("other").size(), 1u);
}

}  // namespace
}  // namespace planscore::store::testing
