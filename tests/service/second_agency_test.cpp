// A plan of another shape than the shipped one (tests/data/second-agency-plan.yaml: years
// 108–111, decimal weights, a planned count per year, milestones entered by stage name, a
// lower-is-better and a yes/no indicator, the exclude policy, seven-digit amounts) taken
// through import, records, values, evaluation and its documents.
#include <gtest/gtest.h>

#include "document/pdf_test_support.h"
#include "service/evaluation.h"
#include "service/failure.h"
#include "service/manual_values.h"
#include "service/plans.h"
#include "service/records.h"
#include "service/register_export.h"
#include "service/reports.h"
#include "service_test_support.h"

namespace planscore::service {
namespace {

using testing::read_text;
using testing::TempDatabase;

class SecondAgency : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto imported = import_plan(
        db_.store(), read_text(PLANSCORE_SOURCE_DIR "/tests/data/second-agency-plan.yaml"),
        PlanFormat::yaml, system_actor());
    ASSERT_TRUE(imported.problems.empty()) << core::to_string(imported.problems.front());
    import_warnings_ = imported.warnings;
    plan_ = require_current_plan(db_.store());
    for (const auto& [date, participants] :
         {std::pair{"108/03/02", "250"}, {"1080615", "410"}, {"2019-11-20", "300"}})
      ASSERT_TRUE(
          add_record(db_.store(), plan_, system_actor(), "events",
                     {{"held_on", date}, {"title", "藝文講座"}, {"participants", participants}})
              .problems.empty());
  }

  void set_value(const std::string& indicator, int year, const std::string& text) {
    set_manual_value(db_.store(), plan_, system_actor(), indicator, year,
                     manual_value_from_text(plan_, indicator, text), "工程月報", std::nullopt);
  }

  const core::IndicatorResult& result_of(const core::YearEvaluation& year, const std::string& id) {
    for (const auto& row : year.indicators)
      if (row.indicator->id == id) return row;
    throw std::runtime_error("no indicator " + id);
  }

  TempDatabase db_;
  core::Plan plan_;
  core::Problems import_warnings_;
};

// Two indicators of the fixture have no formula: until a value is entered for one of them,
// the plan warns that it would stay empty.
TEST_F(SecondAgency, AnIndicatorWithNoFormulaAndNoValueIsWarnedAbout) {
  ASSERT_EQ(import_warnings_.size(), 2u);
  EXPECT_EQ(import_warnings_[0].code, "no_value_source");
  EXPECT_EQ(import_warnings_[0].params.at("indicator"), "g2-3");
  EXPECT_EQ(import_warnings_[0].path, "dimensions[0].goals[1].indicators[2]");
  EXPECT_EQ(import_warnings_[1].params.at("indicator"), "g2-4");
  set_value("g2-3", 108, "3");
  const auto after = plan_warnings(db_.store(), plan_);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].params.at("indicator"), "g2-4");
}

TEST_F(SecondAgency, AMilestoneIsEnteredByTheNameOfItsStageAndReportsIt) {
  set_value("g2-1", 108, "規劃設計");
  const auto year = evaluate_year(db_.store(), plan_, 108);
  const auto& milestone = result_of(year, "g2-1");
  EXPECT_EQ(milestone.actual.value, 25);
  EXPECT_EQ(milestone.stage, "規劃設計");
  EXPECT_EQ(milestone.achievement, 100);
}

TEST_F(SecondAgency, AValueThatIsNoStageIsRefusedNamingTheStages) {
  for (const std::string text : {"37", "工程驗收"}) {
    try {
      set_value("g2-1", 108, text);
      FAIL() << text << " was taken";
    } catch (const Failure& failure) {
      ASSERT_EQ(failure.problems.size(), 1u) << text;
      EXPECT_EQ(failure.problems[0].code, "not_a_stage");
      EXPECT_EQ(failure.problems[0].params.at("value"), text);
      EXPECT_EQ(failure.problems[0].params.at("stages"),
                "規劃設計 (25)、工程發包 (50)、工程施工 (75)、工程完工 (100)");
    }
  }
  EXPECT_TRUE(manual_values(db_.store(), plan_, 108).empty());
}

TEST_F(SecondAgency, APlannedCountPerYearIsTheYearsOwn) {
  // Three events of the 40 planned for 108; none of the 42 of 109 yet.
  const auto year_108 = evaluate_year(db_.store(), plan_, 108);
  EXPECT_DOUBLE_EQ(*result_of(year_108, "g1-1").actual.value, 3.0 / 40 * 100);
  ASSERT_TRUE(add_record(db_.store(), plan_, system_actor(), "events",
                         {{"held_on", "109/05/01"}, {"title", "音樂會"}, {"participants", "500"}})
                  .problems.empty());
  EXPECT_DOUBLE_EQ(*result_of(evaluate_year(db_.store(), plan_, 109), "g1-1").actual.value,
                   1.0 / 42 * 100);
}

TEST_F(SecondAgency, SubtotalsStayWithinTheirWeightsUnderTheExcludePolicy) {
  set_value("g2-1", 108, "規劃設計");
  set_value("g2-3", 108, "25");  // above its ≤20: 80 %
  set_value("g2-4", 108, "1");
  const auto year = evaluate_year(db_.store(), plan_, 108);
  for (const auto& goal : year.goals) EXPECT_LE(goal.score, goal.weight + 1e-9) << goal.id;
  EXPECT_TRUE(year.complete);
  EXPECT_EQ(result_of(year, "g2-3").achievement, 80);
  EXPECT_FALSE(result_of(year, "g2-2").actual.value);
}

// A register's stage field drives milestone g2-2 (max_to_date(operation_steps.stage)): the
// stage is picked by name, kept as its percent, and read back and exported by its name.
TEST_F(SecondAgency, ARegistersStageFieldDrivesItsMilestone) {
  const auto step = [&](const std::string& date, const std::string& stage) {
    return add_record(db_.store(), plan_, system_actor(), "operation_steps",
                      {{"reached_on", date}, {"stage", stage}});
  };
  ASSERT_TRUE(step("108/05/01", "招商說明").problems.empty());
  ASSERT_TRUE(step("109/02/01", "簽約").problems.empty());
  const auto year_108 = evaluate_year(db_.store(), plan_, 108);
  const auto& in_108 = result_of(year_108, "g2-2");
  EXPECT_EQ(in_108.actual.value, 30);
  EXPECT_EQ(in_108.stage, "招商說明");
  EXPECT_EQ(in_108.achievement, 100);
  EXPECT_EQ(result_of(evaluate_year(db_.store(), plan_, 109), "g2-2").actual.value, 60);

  const auto refused = step("109/03/01", "開工");
  ASSERT_EQ(refused.problems.size(), 1u);
  EXPECT_EQ(refused.problems[0].code, "not_a_stage");
  EXPECT_EQ(refused.problems[0].params.at("stages"), "招商說明 (30)、簽約 (60)、開幕營運 (100)");

  std::string csv;
  RegisterExport(plan_, "operation_steps", {109}, ReportFormat::csv)
      .write(db_.store(), [&](std::string_view piece) {
        csv += piece;
        return true;
      });
  EXPECT_NE(csv.find("2020-02-01,簽約,"), std::string::npos) << csv;
}

// Numbers are never broken across lines, and the documents speak Chinese only.
TEST_F(SecondAgency, TheDocumentsPrintEveryNumberWholeAndTheStageReached) {
  set_value("g2-1", 108, "規劃設計");
  const auto plan_text =
      document::pdf_test::pdf_text(plan_report(db_.store(), plan_, ReportFormat::pdf).bytes);
  for (const char* number : {"1,078,000", "1,234,567", "3,456,789", "2,345,678", "25.53", "19.97",
                             "12.77", "16.73", "45.5"})
    EXPECT_NE(plan_text.find(number), std::string::npos) << number << " in\n" << plan_text;
  const auto report_text =
      document::pdf_test::pdf_text(annual_report(db_.store(), plan_, 108, ReportFormat::pdf).bytes);
  EXPECT_NE(report_text.find("25%（規劃設計）"), std::string::npos) << report_text;
  for (const char* english : {"no manual value", "no data", "the value"})
    EXPECT_EQ(report_text.find(english), std::string::npos) << english;
}

}  // namespace
}  // namespace planscore::service
