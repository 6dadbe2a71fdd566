// The shipped plan with the demo records, evaluated and checked against values
// computed by hand from the demo's design (service/demo.cpp).
#include <gtest/gtest.h>

#include "service/audit.h"
#include "service/demo.h"
#include "service/evaluation.h"
#include "service/plans.h"
#include "service_test_support.h"

namespace planscore {
namespace {

class EndToEnd : public ::testing::Test {
 protected:
  void SetUp() override {
    auto imported = service::import_plan(db_.store(), testing::shipped_plan_text(),
                                         service::PlanFormat::yaml, service::system_actor());
    ASSERT_TRUE(imported.problems.empty()) << core::to_string(imported.problems.front());
    plan_ = service::require_current_plan(db_.store());
    service::load_demo(db_.store(), plan_);
  }

  const core::IndicatorResult& row(const core::YearEvaluation& evaluation, const std::string& id) {
    for (const auto& result : evaluation.indicators)
      if (result.indicator->id == id) return result;
    throw std::runtime_error("no indicator " + id);
  }

  testing::TempDatabase db_;
  core::Plan plan_;
};

TEST_F(EndToEnd, Year105MatchesHandComputedValues) {
  auto evaluation = service::evaluate_year(db_.store(), plan_, 105);

  const auto& trainings = row(evaluation, "b1-1");  // 470 participants against 500
  EXPECT_DOUBLE_EQ(*trainings.actual.value, 470);
  EXPECT_DOUBLE_EQ(*trainings.achievement, 94);
  EXPECT_EQ(trainings.light, "yellow");
  EXPECT_DOUBLE_EQ(trainings.score, 9.4);

  const auto& volunteers = row(evaluation, "b3-1");  // 43 at year end against 41: +4.878% vs 6%
  EXPECT_NEAR(*volunteers.actual.value, 2.0 / 41 * 100, 1e-9);
  EXPECT_NEAR(*volunteers.achievement, 2.0 / 41 * 100 / 6 * 100, 1e-9);
  EXPECT_EQ(volunteers.light, "red");

  const auto& defects = row(evaluation, "b5-1");  // 158 against a ceiling of 150
  EXPECT_DOUBLE_EQ(*defects.actual.value, 158);
  EXPECT_NEAR(*defects.achievement, 150.0 / 158 * 100, 1e-9);

  const auto& switchboard = row(evaluation, "b2-1");  // average of 36 audits
  EXPECT_NEAR(*switchboard.actual.value, 90.5, 1e-9);

  const auto& certificates = row(evaluation, "h2-2");  // 67 certified of 120, counted to date
  EXPECT_NEAR(*certificates.actual.value, 67.0 / 120 * 100, 1e-9);

  const auto& capital = row(evaluation, "f1-2");
  EXPECT_NEAR(*capital.actual.value, 70.1, 1e-9);
  EXPECT_EQ(capital.light, "red");

  // The total adds up the weighted scores, none above its indicator's weight (the shipped
  // policy caps achievement at 100%).
  double expected_total = 0;
  for (const auto& result : evaluation.indicators) {
    EXPECT_LE(result.score, result.indicator->weight + 1e-9) << result.indicator->id;
    expected_total += result.score;
  }
  EXPECT_NEAR(evaluation.total_score, expected_total, 1e-9);
  EXPECT_LT(evaluation.total_score, 100);  // its red and yellow lights cost points
  EXPECT_EQ(evaluation.no_value_count, 0);
}

TEST_F(EndToEnd, EveryYearHasAMixOfLights) {
  std::map<std::string, int> lights;
  for (const auto& year : service::evaluate_all_years(db_.store(), plan_))
    for (const auto& result : year.indicators) ++lights[result.light];
  EXPECT_GT(lights["green"], 0);
  EXPECT_GT(lights["yellow"], 0);
  EXPECT_GT(lights["red"], 0);
}

TEST_F(EndToEnd, EvaluationIsDeterministic) {
  auto first = service::evaluate_all_years(db_.store(), plan_);
  auto second = service::evaluate_all_years(db_.store(), plan_);
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t y = 0; y < first.size(); ++y) {
    EXPECT_EQ(first[y].total_score, second[y].total_score);
    for (std::size_t i = 0; i < first[y].indicators.size(); ++i)
      EXPECT_EQ(first[y].indicators[i].actual.value, second[y].indicators[i].actual.value);
  }
}

TEST_F(EndToEnd, AYearWithNoRecordsHasNoValueAndScoresZero) {
  // 108 is outside the demo: every register is empty, so every indicator is white.
  auto evaluation = service::evaluate_year(db_.store(), plan_, 108);
  EXPECT_TRUE(row(evaluation, "h2-2").actual.value.has_value());  // certificates count to date
  EXPECT_EQ(row(evaluation, "b1-1").light, "white");
  EXPECT_FALSE(row(evaluation, "b1-1").actual.value.has_value());
}

TEST_F(EndToEnd, DemoRefusesADatabaseThatHoldsRecords) {
  EXPECT_THROW(service::load_demo(db_.store(), plan_), std::runtime_error);
}

}  // namespace
}  // namespace planscore
