#include "core/evaluation/evaluation.h"

#include <gtest/gtest.h>

#include "core/evaluation/scoring_note.h"

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

// Two goals of 25 and 75, each of two indicators, under `exclude`.
Plan two_goal_plan() {
  Plan plan;
  plan.id = "p";
  plan.first_year = 104;
  plan.last_year = 104;
  plan.policy.no_value_scoring = NoValueScoring::exclude;
  const auto indicator = [](std::string id, double weight) {
    Indicator made;
    made.id = std::move(id);
    made.weight = weight;
    made.targets = {{104, 100}};
    return made;
  };
  Goal small{"g1", 1, "small", "", {}, 25, "", {indicator("a", 12.7), indicator("b", 12.3)}};
  Goal large{"g2", 2, "large", "", {}, 75, "", {indicator("c", 50), indicator("d", 25)}};
  plan.dimensions = {{"d", "業務", {small, large}}};
  return plan;
}

TEST(EvaluationYear, ExcludeNeverLetsAGoalScoreAboveItsWeight) {
  // Before: the plan-wide scale gave the goal of 25 a score of 50 (2 × 25).
  auto plan = two_goal_plan();
  auto result = evaluate_year(plan, 104,
                              {{"a", {100.0, ValueSource::formula, ""}},
                               {"c", {100.0, ValueSource::formula, ""}},
                               {"d", {100.0, ValueSource::formula, ""}}});
  EXPECT_DOUBLE_EQ(result.goals[0].score, 25);  // a carries b's weight within its goal
  EXPECT_DOUBLE_EQ(result.goals[1].score, 75);
  EXPECT_TRUE(result.complete);
  // A goal with no value at all scores 0: its weight goes nowhere else.
  result = evaluate_year(
      plan, 104,
      {{"c", {100.0, ValueSource::formula, ""}}, {"d", {100.0, ValueSource::formula, ""}}});
  EXPECT_DOUBLE_EQ(result.goals[0].score, 0);
  EXPECT_DOUBLE_EQ(result.total_score, 75);
}

TEST(EvaluationYear, ExcludeMarksATotalOfTooFewValuesIncomplete) {
  // Before: one measured indicator of four made the year score 100.
  auto plan = two_goal_plan();
  auto result = evaluate_year(plan, 104, {{"a", {100.0, ValueSource::formula, ""}}});
  EXPECT_FALSE(result.complete);
  EXPECT_DOUBLE_EQ(result.valued_weight, 12.7);
  EXPECT_DOUBLE_EQ(result.total_weight, 100);
  EXPECT_DOUBLE_EQ(result.total_score, 25);
  plan.policy.min_valued_share = 10;
  EXPECT_TRUE(evaluate_year(plan, 104, {{"a", {100.0, ValueSource::formula, ""}}}).complete);
  // `zero` never needs a share: an empty indicator scores 0, which says it all.
  plan.policy.no_value_scoring = NoValueScoring::zero;
  plan.policy.min_valued_share = 50;
  EXPECT_TRUE(evaluate_year(plan, 104, {{"a", {100.0, ValueSource::formula, ""}}}).complete);
}

TEST(EvaluationYear, EverySubtotalIsTheSumOfTheScoresPrintedAboveIt) {
  auto plan = two_goal_plan();
  plan.policy.no_value_scoring = NoValueScoring::zero;
  // 12.7 × 91.234% = 11.5867… and 12.3 × 87.777% = 10.7965…: printed 11.59 and 10.80.
  auto result = evaluate_year(
      plan, 104,
      {{"a", {91.234, ValueSource::formula, ""}}, {"b", {87.777, ValueSource::formula, ""}}});
  EXPECT_DOUBLE_EQ(result.indicators[0].score, 11.59);
  EXPECT_DOUBLE_EQ(result.indicators[1].score, 10.80);
  EXPECT_DOUBLE_EQ(result.goals[0].score, 11.59 + 10.80);
  EXPECT_DOUBLE_EQ(result.total_score, result.dimensions[0].score);
}

TEST(EvaluationYear, TheScoringNoteSaysWhatWasDone) {
  auto plan = two_goal_plan();
  auto result = evaluate_year(plan, 104, {{"a", {100.0, ValueSource::formula, ""}}});
  const auto chinese = scoring_note(result, Language::traditional_chinese);
  EXPECT_NE(chinese.find("3 項指標無實際值，不計分"), std::string::npos) << chinese;
  EXPECT_NE(chinese.find("12.7%"), std::string::npos) << chinese;
  EXPECT_NE(chinese.find("總分未完成"), std::string::npos) << chinese;
  EXPECT_EQ(chinese.find("以 0 分計。本年度"), std::string::npos) << chinese;
  plan.policy.no_value_scoring = NoValueScoring::zero;
  result = evaluate_year(plan, 104, {{"a", {100.0, ValueSource::formula, ""}}});
  EXPECT_NE(scoring_note(result, Language::english)
                .find("3 indicator(s) have no value this year and score 0."),
            std::string::npos);
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
