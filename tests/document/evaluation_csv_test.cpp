// The evaluation CSV (open data): figures at the precision the reports print, and names
// written so that a spreadsheet shows them rather than running them.
#include "document/build/evaluation_csv.h"

#include <gtest/gtest.h>

#include "core/register/csv.h"
#include "shipped_plan.h"

namespace planscore::document {
namespace {

// The row of indicator `id` in the CSV, header included as row 0 of the table.
std::vector<std::string> row_of(const std::string& csv, const std::string& id) {
  const auto read = core::read_csv(csv);
  EXPECT_TRUE(read.problems.empty());
  for (const auto& row : read.table.rows)
    if (row.at(3) == id) return row;
  ADD_FAILURE() << "no row for " << id;
  return std::vector<std::string>(13);
}

TEST(EvaluationCsv, FiguresArePrintedAtTheirPrecision) {
  const auto& plan = testing::shipped_plan();
  const auto& indicator = plan.dimensions.front().goals.front().indicators.front();
  ASSERT_EQ(indicator.decimals, 0);
  // 550 / 500 × 100 is 110.00000000000001 in floating point.
  const auto evaluation =
      core::evaluate_year(plan, 104, {{indicator.id, {550.0, core::ValueSource::formula, ""}}});
  ASSERT_NE(evaluation.indicators.front().achievement, 110.0);
  const auto row = row_of(evaluation_csv(plan, {evaluation}), indicator.id);
  EXPECT_EQ(row[0], "104");
  EXPECT_EQ(row[6], "500");     // target, at the indicator's decimals
  EXPECT_EQ(row[7], "550");     // actual
  EXPECT_EQ(row[10], "110.0");  // achievement (%), one place as in the annual report
  EXPECT_EQ(row[12], "10.00");  // score, two places
}

TEST(EvaluationCsv, NamesThatStartAFormulaAreWrittenAsText) {
  core::Plan plan = testing::shipped_plan();
  auto& dimension = plan.dimensions.front();
  auto& goal = dimension.goals.front();
  auto& indicator = goal.indicators.front();
  dimension.name = "=HYPERLINK(\"http://attacker.test\",\"業務\")";
  goal.name = "+1+cmd|' /C calc'!A0";
  indicator.name = "@SUM(1+1)";
  indicator.unit = "-人";
  const auto evaluation =
      core::evaluate_year(plan, 104, {{indicator.id, {-5.0, core::ValueSource::formula, ""}}});
  const auto row = row_of(evaluation_csv(plan, {evaluation}), indicator.id);
  EXPECT_EQ(row[1], "'" + dimension.name);
  EXPECT_EQ(row[2], "'" + goal.name);
  EXPECT_EQ(row[4], "'@SUM(1+1)");
  EXPECT_EQ(row[8], "'-人");
  EXPECT_EQ(row[7], "-5");  // a figure stays a number
}

}  // namespace
}  // namespace planscore::document
