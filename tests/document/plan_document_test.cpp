#include "document/build/plan_document.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/plan/budget.h"
#include "document/build/figures.h"
#include "document/build/plan_tables.h"
#include "document/model/table_grid.h"
#include "document_text.h"
#include "shipped_plan.h"

namespace planscore::document {
namespace {

using testing::has_text;
using testing::shipped_plan;
using testing::tables_of;

TEST(PlanDocument, CoverAndRunningHeaderNameThePlanAndItsYears) {
  const auto document = plan_document(shipped_plan());
  ASSERT_TRUE(document.cover);
  EXPECT_EQ(document.cover->title, "臺中市政府秘書處中程施政計畫");
  EXPECT_EQ(document.cover->subtitle, "(104 至 107 年度)");
  EXPECT_EQ(document.cover->date_line, "中華民國 104 年 3 月");
  EXPECT_EQ(document.running_header, "臺中市政府秘書處中程施政計畫(104 至 107 年度)");
  EXPECT_EQ(document.page_number_prefix, "1-");
  ASSERT_FALSE(document.blocks.empty());
  EXPECT_TRUE(std::holds_alternative<ContentsTable>(document.blocks.front()));
}

TEST(PlanDocument, HasEveryChapterInOrder) {
  const auto document = plan_document(shipped_plan());
  std::vector<std::string> chapters;
  for (const auto& block : document.blocks)
    if (const auto* heading = std::get_if<Heading>(&block); heading && heading->level == 1)
      chapters.push_back(heading->text);
  EXPECT_THAT(chapters, ::testing::ElementsAre("壹、環境情勢分析與優先發展課題",
                                               "貳、現有計畫執行成效與資源分配檢討",
                                               "參、策略績效目標與衡量指標", "肆、計畫內容摘要",
                                               "伍、中程施政計畫經費總需求表"));
}

// 貳、二、資源分配檢討 lists every section with its duties and budget share, as the seed does.
TEST(PlanDocument, TheResourceReviewListsEverySectionWithItsDutiesAndBudgetShare) {
  const auto document = plan_document(shipped_plan());
  EXPECT_TRUE(has_text(document, "(一)文檔科"));
  EXPECT_TRUE(has_text(document,
                       "辦理本府總收(發)文管理、印信及典守、公報業務、文書管理、檔案管理、"
                       "文書檔案管理法規之研究與修正及其他有關事項。104 年度預算佔本處總預算約 "
                       "1.23%。"));
  EXPECT_TRUE(has_text(document, "(九)會計室"));
  EXPECT_TRUE(has_text(document,
                       "於本府內設置據點以提供前來市府之機關、團體或民眾服務，包括市政大樓導覽、"
                       "電話問安、諮詢、引導、訪視有關事項之聯絡及其他相關事項。104 "
                       "年度預算佔本處總預算約 3.6%。"));
}

TEST(PlanDocument, EveryIndicatorWithItsWeightAndTargetsIsInTheTables) {
  const auto& plan = shipped_plan();
  const auto document = plan_document(plan);
  for (const auto& dimension : plan.dimensions)
    for (const auto& goal : dimension.goals) {
      EXPECT_TRUE(has_text(document, goal.name + weight_suffix(goal.weight))) << goal.name;
      for (const auto& indicator : goal.indicators) {
        EXPECT_TRUE(has_text(document, indicator.name + weight_suffix(indicator.weight)))
            << indicator.name;
        EXPECT_TRUE(has_text(document, indicator.standard)) << indicator.standard;
        for (const auto& [year, target] : indicator.targets)
          EXPECT_TRUE(has_text(document, format_target(indicator, target)))
              << indicator.name << " " << year;
      }
    }
  EXPECT_TRUE(has_text(document, "500人"));
  EXPECT_TRUE(has_text(document, "≤200"));
  EXPECT_TRUE(has_text(document, "積極輔導本府採購專業人員訓練(13%)"));
}

TEST(PlanDocument, GoalCellsSpanTheirIndicatorsAsInTheSeed) {
  const auto& plan = shipped_plan();
  const auto table = indicator_table(plan, plan.dimensions.front());
  EXPECT_EQ(table.header_rows, 2);
  const auto grid = table_grid(table);  // throws when spans do not fit the grid
  // Goal 四 (procurement) has three indicators: its name cell covers three rows.
  const Cell* goal_cell = nullptr;
  for (const auto& row : table.rows)
    for (const auto& cell : row)
      if (cell.text.starts_with("強化採購專業智識")) goal_cell = &cell;
  ASSERT_NE(goal_cell, nullptr);
  EXPECT_EQ(goal_cell->row_span, 3);
  EXPECT_EQ(grid.columns, 7 + plan.years().size());
}

TEST(PlanDocument, BudgetTableHasEveryFigureAndTheComputedSums) {
  const auto& plan = shipped_plan();
  const auto table = budget_table(plan);
  table_grid(table);
  std::vector<std::string> texts;
  for (const auto& row : table.rows)
    for (const auto& cell : row) texts.push_back(cell.text);
  for (const char* figure : {"131", "147", "588", "866", "1,229", "4,916", "7,374", "168", "200",
                             "800", "1,168", "150", "600", "750"})
    EXPECT_THAT(texts, ::testing::Contains(figure));
  // The 總計 row: the seed's 1528, 1726 a year, 6,904 for the period and 10,158 in all.
  const auto& total = table.rows.back();
  EXPECT_EQ(total.front().text, "總計");
  std::vector<std::string> total_texts;
  for (const auto& cell : total) total_texts.push_back(cell.text);
  EXPECT_THAT(total_texts, ::testing::IsSupersetOf({"1,528", "1,726", "6,904", "10,158"}));
  EXPECT_EQ(core::budget_total(plan).total, 10158);
}

TEST(PlanDocument, ActionItemsAreNumberedWithTheirDetails) {
  const auto document = plan_document(shipped_plan());
  EXPECT_TRUE(has_text(document, "一、業務面向策略績效目標"));
  bool found_detail = false;
  for (const auto& text : testing::texts_of(document))
    found_detail = found_detail || text.starts_with("(1)教育訓練係為提升專業最直接");
  EXPECT_TRUE(found_detail);
}

TEST(Figures, GroupThousandsAndTrimZeros) {
  EXPECT_EQ(format_figure(10158), "10,158");
  EXPECT_EQ(format_figure(1234567.5), "1,234,567.5");
  EXPECT_EQ(format_figure(92.0), "92");
  EXPECT_EQ(format_figure(-1500), "-1,500");
  EXPECT_EQ(format_fixed(3.14159, 2), "3.14");
  EXPECT_EQ(format_percent(95.25), "95.3%");
  EXPECT_EQ(format_percent(std::nullopt), "—");
  EXPECT_EQ(roc_month("2015-03-01"), "中華民國 104 年 3 月");
  EXPECT_EQ(roc_date("2026-11-27"), "中華民國 115 年 11 月 27 日");
  EXPECT_EQ(roc_month("not a date"), "");
  core::Indicator yes_no;
  yes_no.kind = core::IndicatorKind::yes_no;
  EXPECT_EQ(format_actual(yes_no, 1.0), "是");
  EXPECT_EQ(format_actual(yes_no, 0.0), "否");
  core::Indicator people;
  people.unit = "人";
  people.decimals = 1;
  EXPECT_EQ(format_actual(people, 1234.56), "1,234.6人");
  EXPECT_EQ(format_actual(people, std::nullopt), "—");
}

}  // namespace
}  // namespace planscore::document
