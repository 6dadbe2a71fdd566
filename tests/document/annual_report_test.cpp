#include "document/build/annual_report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "document/build/figures.h"
#include "document/build/workbooks.h"
#include "document/model/table_grid.h"
#include "document_text.h"
#include "shipped_plan.h"

namespace planscore::document {
namespace {

using testing::has_text;
using testing::shipped_plan;

// Every plan year evaluated with the training indicator at 520 people (above its 500
// target) and the defect count at 250 (above its ≤200 ceiling); the rest have no value.
std::vector<core::YearEvaluation> sample_evaluations() {
  const auto& plan = shipped_plan();
  std::vector<core::YearEvaluation> evaluations;
  for (int year : plan.years()) {
    std::map<std::string, core::ActualValue> actuals;
    const auto& goals = plan.dimensions.front().goals;
    actuals[goals.front().indicators.front().id] = {520.0 + year, core::ValueSource::formula, ""};
    actuals[goals.back().indicators.front().id] = {250.0, core::ValueSource::manual, "巡檢日誌"};
    evaluations.push_back(core::evaluate_year(plan, year, actuals));
  }
  return evaluations;
}

AnnualReportInput sample_input() {
  AnnualReportInput input;
  input.plan = &shipped_plan();
  input.year = 105;
  input.evaluations = sample_evaluations();
  const auto& first = shipped_plan().dimensions.front().goals.front().indicators.front();
  input.reviews[first.id] = {"second_reviewed", "研習人數超過目標。"};
  input.generated_on = "2026-11-27";
  return input;
}

TEST(AnnualReport, CoverNamesTheYear) {
  const auto document = annual_report(sample_input());
  ASSERT_TRUE(document.cover);
  EXPECT_EQ(document.cover->subtitle, "105 年度績效報告");
  EXPECT_EQ(document.cover->date_line, "中華民國 115 年 11 月 27 日");
}

TEST(AnnualReport, FiguresEqualTheEvaluation) {
  const auto input = sample_input();
  const auto document = annual_report(input);
  const auto& evaluation = input.evaluations[1];
  ASSERT_EQ(evaluation.year, 105);
  for (const auto& result : evaluation.indicators)
    EXPECT_TRUE(has_text(document, format_fixed(result.score, 2))) << result.indicator->name;
  EXPECT_TRUE(has_text(document, format_fixed(evaluation.total_score, 2)));
  EXPECT_TRUE(has_text(document, "625人"));  // the training indicator's actual in 105
  EXPECT_TRUE(has_text(document, "● 綠燈"));
  EXPECT_TRUE(has_text(document, "■ 紅燈"));
  EXPECT_TRUE(has_text(document, "已複核"));
  EXPECT_TRUE(has_text(document, "說明：研習人數超過目標。"));
  EXPECT_TRUE(has_text(document, "目標小計"));
  EXPECT_TRUE(has_text(document, "業務面向小計"));
}

TEST(AnnualReport, LightsAreColouredAndTablesFitTheirGrids) {
  const auto document = annual_report(sample_input());
  bool coloured_green = false;
  for (const auto* table : testing::tables_of(document)) {
    EXPECT_NO_THROW(table_grid(*table));
    for (const auto& row : table->rows)
      for (const auto& cell : row)
        if (cell.text == "● 綠燈") coloured_green = cell.colour == Colour{0x1b, 0x7f, 0x3b};
  }
  EXPECT_TRUE(coloured_green);
}

TEST(AnnualReport, ChartsEachGoalOverTheYearsUpToTheReportsYear) {
  const auto document = annual_report(sample_input());
  const Chart* chart = nullptr;
  for (const auto& block : document.blocks)
    if (const auto* found = std::get_if<Chart>(&block)) chart = found;
  ASSERT_NE(chart, nullptr);
  // 106 and 107 are still changing: a report of 105 never shows them.
  EXPECT_THAT(chart->categories, ::testing::ElementsAre("104", "105"));
  std::size_t goals = 0;
  for (const auto& dimension : shipped_plan().dimensions) goals += dimension.goals.size();
  EXPECT_EQ(chart->series.size(), goals);
  // Goal 一 has one indicator, above target every year: a full score rate.
  ASSERT_TRUE(chart->series.front().values[0]);
  EXPECT_DOUBLE_EQ(*chart->series.front().values[0], 100);
}

TEST(AnnualReport, TheTrendTableMarksEachYearLockedOrProvisional) {
  auto input = sample_input();
  input.locked_years = {104};
  const auto mentions = [](const Document& document, const std::string& part) {
    for (const auto& text : testing::texts_of(document))
      if (text.find(part) != std::string::npos) return true;
    return false;
  };
  const auto document = annual_report(input);
  EXPECT_TRUE(has_text(document, "104 年度（已鎖定）"));
  EXPECT_TRUE(has_text(document, "105 年度（暫定）"));
  EXPECT_FALSE(mentions(document, "106 年度"));
  EXPECT_TRUE(mentions(document, "本年度評核尚未鎖定"));
  input.locked_years = {104, 105};
  EXPECT_TRUE(mentions(annual_report(input), "本年度評核結果已鎖定"));
}

TEST(AnnualReport, SaysInChineseWhyAnIndicatorHasNoValue) {
  auto input = sample_input();
  const auto& plan = shipped_plan();
  const auto& unmeasured = plan.dimensions.front().goals.front().indicators.front();
  std::map<std::string, core::ActualValue> actuals;
  actuals[unmeasured.id] = {std::nullopt, core::ValueSource::formula, "no data for 105"};
  input.evaluations[1] = core::evaluate_year(plan, 105, actuals);
  const auto document = annual_report(input);
  EXPECT_TRUE(has_text(document, "無實際值：計算公式所需的 105 年度資料尚無紀錄。"));
  EXPECT_TRUE(has_text(document, "無實際值：105 年度實際值尚未填報。"));
  // No English in a zh-TW document: no word of four or more Latin letters anywhere.
  for (const auto& text : testing::texts_of(document)) {
    int letters = 0;
    for (char c : text) {
      letters = std::isalpha(static_cast<unsigned char>(c)) ? letters + 1 : 0;
      ASSERT_LT(letters, 4) << text;
    }
  }
}

TEST(AnnualReport, YesNoTargetsPrintAsYesOrNoLikeTheirValues) {
  auto input = sample_input();
  std::map<std::string, core::ActualValue> actuals;
  actuals["h1-1"] = {1.0, core::ValueSource::formula, ""};
  input.evaluations[1] = core::evaluate_year(shipped_plan(), 105, actuals);
  const auto document = annual_report(input);
  bool explained = false;
  for (const auto& text : testing::texts_of(document))
    explained = explained || text.starts_with("目標值 是，實際值 是，");
  EXPECT_TRUE(explained);
}

TEST(AnnualReport, RefusesAYearWithoutEvaluation) {
  auto input = sample_input();
  input.year = 120;
  EXPECT_THROW(annual_report(input), std::invalid_argument);
}

TEST(PlanWorkbook, StoresNumbersAsNumbersWithPercentFormats) {
  const auto& plan = shipped_plan();
  const auto workbook = plan_workbook(plan, sample_evaluations());
  std::vector<std::string> names;
  for (const auto& sheet : workbook.sheets) names.push_back(sheet.name);
  EXPECT_THAT(names, ::testing::ElementsAre("衡量指標", "104年度評核", "105年度評核", "106年度評核",
                                            "107年度評核", "歷年得分", "經費總需求表"));
  const auto& indicators = workbook.sheets.front();
  ASSERT_GT(indicators.rows.size(), 1u);
  const auto& first = indicators.rows[1];
  EXPECT_EQ(std::get<std::string>(first[3].value), "每年辦理文書及檔案管理工作人員研習");
  EXPECT_EQ(first[4].format, NumberFormat::percent);
  EXPECT_DOUBLE_EQ(std::get<double>(first[4].value), 0.10);
  EXPECT_DOUBLE_EQ(std::get<double>(first[10].value), 500);
  for (const auto& sheet : workbook.sheets) {
    EXPECT_EQ(sheet.column_widths.size(), sheet.rows.front().size()) << sheet.name;
    EXPECT_EQ(sheet.frozen_rows, 1);
  }
  const auto& budget = workbook.sheets.back();
  const auto& total = budget.rows.back();
  EXPECT_EQ(std::get<std::string>(total[0].value), "總計");
  EXPECT_DOUBLE_EQ(std::get<double>(total.back().value), 10158);
}

TEST(PlanWorkbook, FitColumnsCountsChineseDouble) {
  Sheet sheet;
  SheetCell name;
  name.value = std::string("經費總需求表");
  SheetCell figure;
  figure.value = 1.0;
  sheet.rows.push_back({name, figure});
  fit_columns(sheet);
  EXPECT_DOUBLE_EQ(sheet.column_widths[0], 14);  // 6 characters × 2 + padding
  EXPECT_DOUBLE_EQ(sheet.column_widths[1], 6);   // the minimum
}

}  // namespace
}  // namespace planscore::document
