#include "core/evaluation/evaluation.h"

#include <gtest/gtest.h>

namespace planscore::core {
namespace {

TEST(EvaluationAchievement, HigherIsBetterIsActualOverTarget) {
  EXPECT_DOUBLE_EQ(*achievement(IndicatorKind::higher_is_better, 470, 500), 94);
  EXPECT_DOUBLE_EQ(*achievement(IndicatorKind::higher_is_better, 600, 500), 120);
  EXPECT_DOUBLE_EQ(*achievement(IndicatorKind::higher_is_better, 0, 500), 0);
}

TEST(EvaluationAchievement, ZeroTargetIsMetByAnyNonNegativeValue) {
  EXPECT_DOUBLE_EQ(*achievement(IndicatorKind::higher_is_better, 0, 0), 100);
  EXPECT_DOUBLE_EQ(*achievement(IndicatorKind::higher_is_better, 3, 0), 100);
  EXPECT_DOUBLE_EQ(*achievement(IndicatorKind::higher_is_better, -1, 0), 0);
}

TEST(EvaluationAchievement, LowerIsBetterIsFullUpToTheCeilingThenTargetOverActual) {
  EXPECT_DOUBLE_EQ(*achievement(IndicatorKind::lower_is_better, 120, 200), 100);
  EXPECT_DOUBLE_EQ(*achievement(IndicatorKind::lower_is_better, 200, 200), 100);
  EXPECT_DOUBLE_EQ(*achievement(IndicatorKind::lower_is_better, 250, 200), 80);
  EXPECT_DOUBLE_EQ(*achievement(IndicatorKind::lower_is_better, 0, 0), 100);
  EXPECT_DOUBLE_EQ(*achievement(IndicatorKind::lower_is_better, 5, 0), 0);
}

TEST(EvaluationAchievement, YesNoIsAllOrNothing) {
  EXPECT_DOUBLE_EQ(*achievement(IndicatorKind::yes_no, 1, 1), 100);
  EXPECT_DOUBLE_EQ(*achievement(IndicatorKind::yes_no, 0, 1), 0);
  EXPECT_DOUBLE_EQ(*achievement(IndicatorKind::yes_no, 0, 0), 100);
}

TEST(EvaluationAchievement, MilestoneIsStageReachedOverTargetStage) {
  EXPECT_DOUBLE_EQ(*achievement(IndicatorKind::milestone, 50, 75), 50.0 / 75 * 100);
  EXPECT_DOUBLE_EQ(*achievement(IndicatorKind::milestone, 100, 100), 100);
}

TEST(EvaluationLights, DefaultPolicyThresholds) {
  const auto policy = default_policy();
  EXPECT_EQ(light_for(policy, 100.0)->id, "green");
  EXPECT_EQ(light_for(policy, 140.0)->id, "green");
  EXPECT_EQ(light_for(policy, 99.99)->id, "yellow");
  EXPECT_EQ(light_for(policy, 90.0)->id, "yellow");
  EXPECT_EQ(light_for(policy, 89.99)->id, "red");
  EXPECT_EQ(light_for(policy, 0.0)->id, "red");
  EXPECT_EQ(light_for(policy, std::nullopt)->id, "white");
}

TEST(EvaluationLights, WhiteCanMeanOutstanding) {
  EvaluationPolicy policy = default_policy();
  policy.lights = {{"white", "白燈 績效卓越", "○", "#ffffff", 120.0},
                   {"green", "綠燈", "●", "#1b7f3b", 100.0},
                   {"yellow", "黃燈", "▲", "#b8860b", 90.0},
                   {"red", "紅燈", "■", "#c62828", 0.0},
                   {"none", "無資料", "－", "#9e9e9e", std::nullopt}};
  policy.no_value_light = "none";
  EXPECT_EQ(light_for(policy, 125.0)->id, "white");
  EXPECT_EQ(light_for(policy, 110.0)->id, "green");
  EXPECT_EQ(light_for(policy, std::nullopt)->id, "none");
}

Plan two_indicator_plan() {
  Plan plan;
  plan.id = "p";
  plan.first_year = 104;
  plan.last_year = 104;
  Goal goal{"g1", 1, "goal", "", {}, 100, "", {}};
  Indicator a;
  a.id = "a";
  a.weight = 60;
  a.targets = {{104, 100}};
  Indicator b;
  b.id = "b";
  b.weight = 40;
  b.kind = IndicatorKind::lower_is_better;
  b.targets = {{104, 200}};
  goal.indicators = {a, b};
  plan.dimensions = {{"d", "業務", {goal}}};
  return plan;
}

TEST(EvaluationYear, ScoreIsWeightTimesCappedAchievement) {
  auto plan = two_indicator_plan();
  auto result = evaluate_year(
      plan, 104,
      {{"a", {150.0, ValueSource::formula, ""}}, {"b", {250.0, ValueSource::formula, ""}}});
  EXPECT_DOUBLE_EQ(*result.indicators[0].achievement, 150);  // raw, uncapped
  EXPECT_DOUBLE_EQ(*result.indicators[0].capped_achievement, 100);
  EXPECT_DOUBLE_EQ(result.indicators[0].score, 60);
  EXPECT_DOUBLE_EQ(result.indicators[1].score, 40 * 0.8);
  EXPECT_DOUBLE_EQ(result.goals[0].score, 92);
  EXPECT_DOUBLE_EQ(result.dimensions[0].score, 92);
  EXPECT_DOUBLE_EQ(result.total_score, 92);
}

TEST(EvaluationYear, NoValueIsWhiteAndScoresZeroByDefault) {
  auto plan = two_indicator_plan();
  auto result = evaluate_year(plan, 104, {{"a", {100.0, ValueSource::formula, ""}}});
  EXPECT_EQ(result.indicators[1].light, "white");
  EXPECT_FALSE(result.indicators[1].achievement.has_value());
  EXPECT_EQ(result.no_value_count, 1);
  EXPECT_DOUBLE_EQ(result.total_score, 60);
}

TEST(EvaluationYear, ExcludePolicyScalesTheRestToTheFullWeight) {
  auto plan = two_indicator_plan();
  plan.policy.no_value_scoring = NoValueScoring::exclude;
  auto result = evaluate_year(plan, 104, {{"a", {100.0, ValueSource::formula, ""}}});
  EXPECT_DOUBLE_EQ(result.total_score, 100);
}

TEST(EvaluationYear, NegativeValueScoresNothingRatherThanLessThanNothing) {
  auto plan = two_indicator_plan();
  auto result = evaluate_year(
      plan, 104,
      {{"a", {-50.0, ValueSource::formula, ""}}, {"b", {0.0, ValueSource::formula, ""}}});
  EXPECT_EQ(result.indicators[0].light, "red");
  EXPECT_DOUBLE_EQ(result.indicators[0].score, 0);
  EXPECT_DOUBLE_EQ(result.total_score, 40);
}

TEST(EvaluationYear, CapIsConfigurable) {
  auto plan = two_indicator_plan();
  plan.policy.cap = 120;
  auto result = evaluate_year(
      plan, 104,
      {{"a", {150.0, ValueSource::formula, ""}}, {"b", {100.0, ValueSource::formula, ""}}});
  EXPECT_DOUBLE_EQ(result.indicators[0].score, 72);
}

}  // namespace
}  // namespace planscore::core
