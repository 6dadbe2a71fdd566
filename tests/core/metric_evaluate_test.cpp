#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

#include "core/metric/evaluate.h"
#include "core/metric/parse.h"

namespace planscore::core::metric {
namespace {

// A context over fixed tables: aggregates by key and year, constants and metrics by name.
struct FakeData {
  std::map<std::pair<std::string, YearRange>, double> aggregates;
  std::map<std::string, double> constants;
  std::map<std::pair<std::string, YearRange>, double> metrics;
  std::vector<std::pair<std::string, YearRange>> asked;  // which aggregates, for which years

  EvaluationContext context() {
    return {
        [this](const Aggregate& term, YearRange years) -> std::optional<double> {
          asked.emplace_back(term.key(), years);
          const auto found = aggregates.find({term.key(), years});
          if (found == aggregates.end()) return std::nullopt;
          return found->second;
        },
        [this](const std::string& name, YearRange) -> std::optional<double> {
          const auto found = constants.find(name);
          if (found == constants.end()) return std::nullopt;
          return found->second;
        },
        [this](const std::string& name, YearRange years) -> std::optional<double> {
          const auto found = metrics.find({name, years});
          if (found == metrics.end()) return std::nullopt;
          return found->second;
        },
    };
  }
};

std::optional<double> evaluate_text(std::string_view text, YearRange years, FakeData& data) {
  const auto parsed = parse(text);
  EXPECT_TRUE(parsed.expr) << text;
  if (!parsed.expr) return std::nullopt;
  return evaluate(*parsed.expr, years, data.context());
}

TEST(MetricEvaluate, Arithmetic) {
  FakeData data;
  EXPECT_EQ(evaluate_text("1 + 2 * 3", 104, data), 7);
  EXPECT_EQ(evaluate_text("(1 + 2) * 3", 104, data), 9);
  EXPECT_EQ(evaluate_text("10 - 4 - 3", 104, data), 3);
  EXPECT_EQ(evaluate_text("12 / 3 / 2", 104, data), 2);
  EXPECT_EQ(evaluate_text("-2 * -3", 104, data), 6);
  EXPECT_EQ(evaluate_text("--5", 104, data), 5);
  EXPECT_EQ(evaluate_text("0.1 + 0.2", 104, data), 0.1 + 0.2);
}

TEST(MetricEvaluate, ShippedVolunteerGrowth) {
  FakeData data;
  data.aggregates[{"active(volunteers)", 104}] = 45;
  data.constants["volunteers_103"] = 41;
  const auto value =
      evaluate_text("(active(volunteers) - volunteers_103) / volunteers_103 * 100", 104, data);
  ASSERT_TRUE(value);
  EXPECT_NEAR(*value, 9.7560975, 1e-6);
}

TEST(MetricEvaluate, NamesPreferConstantsThenMetrics) {
  FakeData data;
  data.constants["x"] = 1;
  data.metrics[{"x", 104}] = 2;
  data.metrics[{"current_executed", 104}] = 800;
  data.aggregates[{"sum(budget_execution.budget where category = \"經常門\")", 104}] = 1000;
  EXPECT_EQ(evaluate_text("x", 104, data), 1);
  EXPECT_EQ(evaluate_text(
                "current_executed / sum(budget_execution.budget where category = \"經常門\") * 100",
                104, data),
            80);
  EXPECT_EQ(evaluate_text("unknown", 104, data), std::nullopt);
}

TEST(MetricEvaluate, AggregatesAskForTheEvaluatedYear) {
  FakeData data;
  data.aggregates[{"count_distinct_to_date(language_certificates.employee_no)", 105}] = 30;
  data.aggregates[{"active(staff)", 105}] = 60;
  EXPECT_EQ(evaluate_text(
                "count_distinct_to_date(language_certificates.employee_no) / active(staff) * 100",
                105, data),
            50);
  ASSERT_EQ(data.asked.size(), 2u);
  EXPECT_EQ(data.asked[0].second, 105);
}

TEST(MetricEvaluate, PreviousIsTheYearBefore) {
  FakeData data;
  data.aggregates[{"count(safety_defects)", 104}] = 200;
  data.aggregates[{"count(safety_defects)", 103}] = 250;
  data.aggregates[{"count(safety_defects)", 102}] = 100;
  EXPECT_EQ(evaluate_text("count(safety_defects) - previous(count(safety_defects))", 104, data),
            -50);
  EXPECT_EQ(evaluate_text("previous(previous(count(safety_defects)))", 104, data), 100);
  EXPECT_EQ(evaluate_text("previous(count(safety_defects))", 103, data), 100);
  // No record in 101: no value, not zero.
  EXPECT_EQ(evaluate_text("previous(count(safety_defects))", 102, data), std::nullopt);
}

TEST(MetricEvaluate, PreviousCanGoSeveralYearsBack) {
  FakeData data;
  data.aggregates[{"sum(guided_tours.visitors)", 103}] = 10084;
  data.aggregates[{"sum(guided_tours.visitors)", 100}] = 3817;
  const char* growth =
      "(sum(guided_tours.visitors) - previous(sum(guided_tours.visitors), 3)) / "
      "previous(sum(guided_tours.visitors), 3) * 100";
  EXPECT_NEAR(*evaluate_text(growth, 103, data), 164.19, 0.01);
  EXPECT_EQ(evaluate_text("previous(sum(guided_tours.visitors), 1)", 101, data), 3817);
}

TEST(MetricEvaluate, SpansAskForTheWholeSpanAndPreviousIsTheSpanBefore) {
  FakeData data;
  data.aggregates[{"count(safety_defects)", {100, 103}}] = 40;
  data.aggregates[{"count(safety_defects)", {96, 99}}] = 50;
  EXPECT_EQ(evaluate_text("count(safety_defects)", {100, 103}, data), 40);
  EXPECT_EQ(evaluate_text("previous(count(safety_defects))", {100, 103}, data), 50);
  EXPECT_EQ(evaluate_text("count(safety_defects)", 103, data), std::nullopt);
}

TEST(MetricEvaluate, NoValuePropagates) {
  FakeData data;
  data.aggregates[{"count(vacancies)", 104}] = 10;
  for (const auto* text :
       {"avg(switchboard_audits.score)", "avg(switchboard_audits.score) + 1",
        "1 - avg(switchboard_audits.score)", "2 * avg(switchboard_audits.score)",
        "avg(switchboard_audits.score) / count(vacancies)", "-avg(switchboard_audits.score)",
        "previous(count(vacancies))", "missing_constant * 0"}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(evaluate_text(text, 104, data), std::nullopt);
  }
}

TEST(MetricEvaluate, DivisionByZeroIsNoValue) {
  FakeData data;
  data.aggregates[{"count(vacancies)", 104}] = 0;
  data.aggregates[{"count(vacancies where reported_for_exam = yes)", 104}] = 0;
  EXPECT_EQ(evaluate_text("1 / 0", 104, data), std::nullopt);
  EXPECT_EQ(evaluate_text("0 / 0", 104, data), std::nullopt);
  EXPECT_EQ(evaluate_text("count(vacancies where reported_for_exam = yes) / count(vacancies) * 100",
                          104, data),
            std::nullopt);
  EXPECT_EQ(evaluate_text("1 / (2 - 2) * 0", 104, data), std::nullopt);
  EXPECT_EQ(evaluate_text("0 / 5", 104, data), 0);
}

TEST(MetricEvaluate, NeverInfinityOrNaN) {
  FakeData data;
  const std::string big = "1" + std::string(300, '0');
  EXPECT_EQ(evaluate_text(big + " * " + big, 104, data), std::nullopt);
  EXPECT_EQ(evaluate_text("-" + big + " * " + big, 104, data), std::nullopt);
  EXPECT_EQ(evaluate_text(big + " * " + big + " * 0", 104, data), std::nullopt);
  EXPECT_EQ(evaluate_text("1 / 0." + std::string(320, '0') + "1", 104, data), std::nullopt);
  data.aggregates[{"sum(r.f)", 104}] = std::numeric_limits<double>::quiet_NaN();
  data.aggregates[{"sum(r.g)", 104}] = std::numeric_limits<double>::infinity();
  EXPECT_EQ(evaluate_text("sum(r.f) * 0", 104, data), std::nullopt);
  EXPECT_EQ(evaluate_text("sum(r.g) - sum(r.g)", 104, data), std::nullopt);
}

TEST(MetricEvaluate, NeverThrowsOrCrashesOnMissingOrFailingCallbacks) {
  const auto parsed = parse("count(r) + x");
  ASSERT_TRUE(parsed.expr);
  EXPECT_EQ(evaluate(*parsed.expr, 104, EvaluationContext{}), std::nullopt);
  EvaluationContext failing;
  failing.aggregate = [](const Aggregate&, YearRange) -> std::optional<double> {
    throw std::runtime_error("database is locked");
  };
  EXPECT_EQ(evaluate(*parsed.expr, 104, failing), std::nullopt);
  EXPECT_EQ(evaluate(*parse("3").expr, 104, EvaluationContext{}), 3);
}

}  // namespace
}  // namespace planscore::core::metric
