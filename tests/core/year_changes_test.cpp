#include "core/evaluation/year_changes.h"

#include <gtest/gtest.h>

namespace planscore::core {
namespace {

class YearChanges : public ::testing::Test {
 protected:
  YearChanges() {
    indicator_.id = "b1-1";
    indicator_.weight = 12.5;
    indicator_.decimals = 1;
    other_ = indicator_;
    other_.id = "b1-2";
  }

  YearEvaluation evaluation(const Indicator& indicator, std::optional<double> value,
                            double target) const {
    YearEvaluation year;
    year.year = 105;
    IndicatorResult row;
    row.indicator = &indicator;
    row.target = target;
    row.actual.value = value;
    row.light = "green";
    row.score = 12.5;
    year.indicators.push_back(row);
    year.goals.push_back({"b1", "goal", 12.5, 12.5});
    year.total_score = 12.5;
    return year;
  }

  Indicator indicator_;
  Indicator other_;
};

TEST_F(YearChanges, TheSameFiguresAreNoChange) {
  EXPECT_TRUE(
      year_changes(evaluation(indicator_, 3.0, 90), evaluation(indicator_, 3.0, 90)).empty());
}

TEST_F(YearChanges, AChangeBelowWhatIsPrintedIsNoChange) {
  EXPECT_TRUE(
      year_changes(evaluation(indicator_, 3.0, 90), evaluation(indicator_, 3.01, 90.001)).empty());
}

TEST_F(YearChanges, EachChangedFigureIsNamedWithItsPrintedValues) {
  auto after = evaluation(indicator_, std::nullopt, 95);
  after.total_score = 10;
  const auto problems = year_changes(evaluation(indicator_, 3.0, 90), after);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].code, "locked_year_target");
  EXPECT_EQ(problems[0].path, "years.105.b1-1");
  EXPECT_EQ(problems[0].params.at("before"), "90");
  EXPECT_EQ(problems[0].params.at("after"), "95");
  EXPECT_EQ(problems[0].message,
            "year 105 is locked: the target of b1-1 would change from 90 to 95");
  EXPECT_EQ(problems[1].code, "locked_year_value");
  EXPECT_EQ(problems[1].params.at("after"), "—");
  EXPECT_EQ(problems[2].code, "locked_year_score");
  EXPECT_EQ(problems[2].params.at("item"), "total");
  EXPECT_EQ(problems[2].params.at("before"), "12.5");
}

TEST_F(YearChanges, IndicatorsAddedOrRemovedAreNamed) {
  const auto problems = year_changes(evaluation(indicator_, 3.0, 90), evaluation(other_, 3.0, 90));
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].code, "locked_year_indicator_removed");
  EXPECT_EQ(problems[0].params.at("item"), "b1-1");
  EXPECT_EQ(problems[1].code, "locked_year_indicator_added");
  EXPECT_EQ(problems[1].params.at("item"), "b1-2");
}

TEST_F(YearChanges, TheListIsBounded) {
  auto before = evaluation(indicator_, 3.0, 90);
  auto after = evaluation(indicator_, 4.0, 95);
  EXPECT_EQ(year_changes(before, after, 1).size(), 1u);
}

}  // namespace
}  // namespace planscore::core
