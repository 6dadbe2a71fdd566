// The shipped plan file is canonical: loading and writing it changes nothing.
#include <gtest/gtest.h>

#include "planfile/plan_file_test_support.h"
#include "planfile/plan_json.h"
#include "planfile/plan_yaml.h"

namespace planscore::planfile {
namespace {

using testing::shipped_plan_text;

TEST(ShippedPlan, LoadsWithoutProblems) {
  auto result = load_yaml(shipped_plan_text());
  for (const auto& problem : result.problems) ADD_FAILURE() << core::to_string(problem);
  ASSERT_TRUE(result.plan.has_value());
  EXPECT_EQ(result.plan->id, "taichung-secretariat-104-107");
  EXPECT_EQ(result.plan->years(), (std::vector<int>{104, 105, 106, 107}));
}

TEST(ShippedPlan, WritesBackByteForByte) {
  const std::string text = shipped_plan_text();
  auto result = load_yaml(text);
  ASSERT_TRUE(result.plan.has_value());
  EXPECT_EQ(to_yaml(*result.plan), text);
}

TEST(ShippedPlan, JsonExportLoadsBackToTheSamePlan) {
  auto plan = load_yaml(shipped_plan_text()).plan;
  ASSERT_TRUE(plan.has_value());
  auto reloaded = load_json(to_json(*plan));
  for (const auto& problem : reloaded.problems) ADD_FAILURE() << core::to_string(problem);
  ASSERT_TRUE(reloaded.plan.has_value());
  EXPECT_EQ(*reloaded.plan, *plan);
}

TEST(ShippedPlan, ChineseIsWrittenUnescaped) {
  auto plan = load_yaml(shipped_plan_text()).plan;
  ASSERT_TRUE(plan.has_value());
  EXPECT_NE(to_yaml(*plan).find("name: 臺中市政府秘書處中程施政計畫\n"), std::string::npos);
  EXPECT_NE(to_json(*plan).find("\"臺中市政府秘書處\""), std::string::npos);
}

TEST(ShippedPlan, UsesTheDefaultPolicy) {
  auto plan = load_yaml(shipped_plan_text()).plan;
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(plan->policy, core::default_policy());
}

}  // namespace
}  // namespace planscore::planfile
