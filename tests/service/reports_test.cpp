#include "service/reports.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/plan/budget.h"
#include "document/build/evaluation_csv.h"
#include "document/build/figures.h"
#include "document/build/plan_tables.h"
#include "read_back.h"
#include "service/demo.h"
#include "service/evaluation.h"
#include "service/failure.h"
#include "service/records.h"
#include "service_test_support.h"

namespace planscore::service {
namespace {

using planscore::testing::odt_text;
using planscore::testing::pdf_text;
using planscore::testing::without_whitespace;
using planscore::testing::workbook_cells;

class Reports : public ::testing::Test {
 protected:
  void SetUp() override {
    plan_ = planscore::testing::import_shipped_plan(db_.store());
    load_demo(db_.store(), plan_);
  }

  // Every indicator's name, weight, standard and targets, and every budget figure and sum
  // of the plan, as the plan document prints them.
  std::vector<std::string> plan_figures() const {
    std::vector<std::string> texts;
    for (const auto& dimension : plan_.dimensions)
      for (const auto& goal : dimension.goals) {
        texts.push_back(goal.name + document::weight_suffix(goal.weight));
        for (const auto& indicator : goal.indicators) {
          texts.push_back(indicator.name + document::weight_suffix(indicator.weight));
          texts.push_back(indicator.standard);
          for (const auto& [year, target] : indicator.targets)
            texts.push_back(document::format_target(indicator, target));
        }
      }
    add_budget_figures(plan_.budget, texts);
    const auto total = core::budget_total(plan_);
    for (double figure : {total.prior, total.after, total.period_sum, total.total})
      texts.push_back(document::format_figure(figure));
    return texts;
  }

  void add_budget_figures(const std::vector<core::BudgetLine>& lines,
                          std::vector<std::string>& texts) const {
    for (const auto& line : lines) {
      texts.push_back(document::budget_line_label(line));
      if (line.children.empty()) {
        const auto figures = core::budget_figures(line, plan_.years());
        for (const auto& [year, amount] : figures.years)
          texts.push_back(document::format_figure(amount));
        texts.push_back(document::format_figure(figures.period_sum));
        texts.push_back(document::format_figure(figures.total));
      }
      add_budget_figures(line.children, texts);
    }
  }

  // The figures of `year`'s report as evaluate computed them.
  std::vector<std::string> annual_figures(int year) {
    const auto evaluation = evaluate_year(db_.store(), plan_, year);
    std::vector<std::string> texts{document::format_fixed(evaluation.total_score, 2)};
    for (const auto& result : evaluation.indicators) {
      texts.push_back(result.indicator->name);
      texts.push_back(document::format_fixed(result.score, 2));
      texts.push_back(document::format_percent(result.achievement));
      texts.push_back(document::format_actual(*result.indicator, result.actual.value));
    }
    return texts;
  }

  planscore::testing::TempDatabase db_;
  core::Plan plan_;
};

void expect_all_in(const std::string& text, const std::vector<std::string>& needles) {
  for (const auto& needle : needles)
    EXPECT_NE(text.find(without_whitespace(needle)), std::string::npos) << needle;
}

TEST_F(Reports, PlanPdfReadsBackWithEveryIndicatorAndBudgetFigure) {
  const auto file = plan_report(db_.store(), plan_, ReportFormat::pdf);
  EXPECT_EQ(file.content_type, "application/pdf");
  EXPECT_EQ(file.file_name, "plan-taichung-secretariat-104-107.pdf");
  const auto text = pdf_text(file.bytes);
  expect_all_in(text, plan_figures());
  expect_all_in(text, {"臺中市政府秘書處中程施政計畫", "(104至107年度)", "中華民國104年3月",
                       "【目錄】", "伍、中程施政計畫經費總需求表", "1-1", "10,158"});
}

TEST_F(Reports, PlanOdtReadsBackWithEveryIndicatorAndBudgetFigure) {
  const auto file = plan_report(db_.store(), plan_, ReportFormat::odt);
  EXPECT_EQ(file.content_type, "application/vnd.oasis.opendocument.text");
  const auto text = odt_text(file.bytes);
  expect_all_in(text, plan_figures());
  expect_all_in(text, {"壹、環境情勢分析與優先發展課題", "單位：千元"});
}

TEST_F(Reports, AnnualReportFiguresEqualTheEvaluation) {
  const auto figures = annual_figures(105);
  expect_all_in(pdf_text(annual_report(db_.store(), plan_, 105, ReportFormat::pdf).bytes), figures);
  expect_all_in(odt_text(annual_report(db_.store(), plan_, 105, ReportFormat::odt).bytes), figures);
}

TEST_F(Reports, WorkbookNumbersEqualTheEvaluationInBothFormats) {
  const auto evaluation = evaluate_year(db_.store(), plan_, 106);
  for (const char* extension : {"xlsx", "ods"}) {
    SCOPED_TRACE(extension);
    const auto format = *report_format_from_string(extension);
    const auto cells = workbook_cells(workbook_report(db_.store(), plan_, format).bytes, extension);
    const nlohmann::json* year_sheet = nullptr;
    const nlohmann::json* budget_sheet = nullptr;
    for (const auto& sheet : cells["sheets"]) {
      if (sheet["name"] == "106年度評核") year_sheet = &sheet;
      if (sheet["name"] == "經費總需求表") budget_sheet = &sheet;
    }
    ASSERT_NE(year_sheet, nullptr);
    ASSERT_NE(budget_sheet, nullptr);
    const auto& rows = (*year_sheet)["rows"];
    ASSERT_EQ(rows.size(), evaluation.indicators.size() + 2);  // header and total
    for (const auto& result : evaluation.indicators) {
      bool found = false;
      for (const auto& row : rows)
        if (row.size() > 8 && row[2] == result.indicator->name) {
          found = true;
          EXPECT_NEAR(row[8].get<double>(), result.score, 1e-9) << result.indicator->name;
          if (result.achievement)
            EXPECT_NEAR(row[6].get<double>(), *result.achievement / 100, 1e-9);
          else
            EXPECT_TRUE(row[6].is_null());
        }
      EXPECT_TRUE(found) << result.indicator->name;
    }
    EXPECT_NEAR(rows.back()[8].get<double>(), evaluation.total_score, 1e-9);
    // 總計 row: name, prior, the plan years, after, the period's sum, then the total.
    const std::size_t total_column = 2 + plan_.years().size() + 2;
    EXPECT_DOUBLE_EQ((*budget_sheet)["rows"].back()[total_column].get<double>(),
                     core::budget_total(plan_).total);
  }
}

TEST_F(Reports, XlsxFormatsPercentagesAndFreezesTheHeader) {
  const auto cells =
      workbook_cells(workbook_report(db_.store(), plan_, ReportFormat::xlsx).bytes, "xlsx");
  const auto& sheet = cells["sheets"][1];
  EXPECT_EQ(sheet["name"], "104年度評核");
  EXPECT_EQ(sheet["frozen"], "A2");
  const std::string achievement_format = sheet["formats"][1][6];
  EXPECT_NE(achievement_format.find('%'), std::string::npos);
}

TEST_F(Reports, EvaluationCsvHasARowPerYearAndIndicator) {
  const auto file = evaluation_report(db_.store(), plan_, ReportFormat::csv);
  ASSERT_TRUE(file.bytes.starts_with(document::kUtf8Bom));
  const auto table = core::read_csv(file.bytes.substr(3)).table;
  std::size_t indicators = 0;
  for (const auto& dimension : plan_.dimensions)
    for (const auto& goal : dimension.goals) indicators += goal.indicators.size();
  EXPECT_EQ(table.rows.size(), indicators * plan_.years().size());
  EXPECT_EQ(table.header.front(), "年度");
  const auto json =
      nlohmann::json::parse(evaluation_report(db_.store(), plan_, ReportFormat::json).bytes);
  EXPECT_EQ(json.size(), plan_.years().size());
}

TEST_F(Reports, RefusesFormatsYearsAndRegistersItDoesNotHave) {
  try {
    plan_report(db_.store(), plan_, ReportFormat::xlsx);
    FAIL() << "a plan document as xlsx was accepted";
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.kind, FailureKind::invalid);
    ASSERT_EQ(failure.problems.size(), 1u);
    EXPECT_EQ(failure.problems.front().path, "format");
    EXPECT_EQ(failure.problems.front().message, "choose one of: pdf, odt");
  }
  EXPECT_THROW(annual_report(db_.store(), plan_, 103, ReportFormat::pdf), Failure);
  EXPECT_FALSE(report_format_from_string("docx"));
}

}  // namespace
}  // namespace planscore::service
