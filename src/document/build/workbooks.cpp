#include "document/build/workbooks.h"

#include <algorithm>
#include <cmath>

#include "core/plan/budget.h"
#include "core/text/display_width.h"
#include "document/build/figures.h"
#include "document/build/lights.h"
#include "document/build/plan_tables.h"

namespace planscore::document {
namespace {

Sheet empty_sheet(std::string name) {
  Sheet sheet;
  sheet.name = std::move(name);
  sheet.frozen_rows = 1;  // the header row
  return sheet;
}
SheetCell percent(double percent_value, int decimals = 1) {
  return sheet_number(percent_value / 100, NumberFormat::percent, decimals);
}
SheetCell optional_number(std::optional<double> value, NumberFormat format, int decimals) {
  return value ? sheet_number(*value, format, decimals) : SheetCell{};
}
// A whole weight prints whole; a scaled one such as 12.77 keeps its two decimals.
int weight_decimals(double weight) {
  return weight == std::round(weight) ? 0 : 2;
}

SheetCell optional_percent(std::optional<double> value) {
  return value ? percent(*value) : SheetCell{};
}

std::vector<SheetCell> header_row(const std::vector<std::string>& names) {
  std::vector<SheetCell> row;
  for (const auto& name : names) row.push_back(sheet_text(name, true));
  return row;
}

std::string kind_label(core::IndicatorKind kind) {
  switch (kind) {
    case core::IndicatorKind::higher_is_better:
      return "越高越好";
    case core::IndicatorKind::lower_is_better:
      return "越低越好";
    case core::IndicatorKind::yes_no:
      return "是否";
    case core::IndicatorKind::milestone:
      return "里程碑";
  }
  return "";
}

Sheet indicator_sheet(const core::Plan& plan) {
  Sheet sheet = empty_sheet("衡量指標");
  std::vector<std::string> header{"面向",     "策略績效目標", "目標權重", "衡量指標", "指標權重",
                                  "評估體制", "評估方式",     "衡量標準", "單位",     "方向"};
  for (int year : plan.years()) header.push_back(std::to_string(year) + " 年度目標值");
  sheet.rows.push_back(header_row(header));
  for (const auto& dimension : plan.dimensions)
    for (const auto& goal : dimension.goals)
      for (const auto& indicator : goal.indicators) {
        std::vector<SheetCell> row{sheet_text(dimension.name),
                                   sheet_text(goal.name),
                                   percent(goal.weight, weight_decimals(goal.weight)),
                                   sheet_text(indicator.name),
                                   percent(indicator.weight, weight_decimals(indicator.weight)),
                                   sheet_number(indicator.framework, NumberFormat::integer),
                                   sheet_text(indicator.method),
                                   sheet_text(indicator.standard),
                                   sheet_text(indicator.unit),
                                   sheet_text(kind_label(indicator.kind))};
        for (int year : plan.years()) {
          const auto target = indicator.targets.find(year);
          row.push_back(target == indicator.targets.end() ? SheetCell{}
                                                          : sheet_number(target->second));
        }
        sheet.rows.push_back(std::move(row));
      }
  return sheet;
}

Sheet evaluation_sheet(const core::Plan& plan, const core::YearEvaluation& evaluation) {
  Sheet sheet = empty_sheet(std::to_string(evaluation.year) + "年度評核");
  sheet.rows.push_back(header_row(
      {"面向", "策略績效目標", "衡量指標", "權重", "目標值", "實際值", "達成度", "燈號", "得分"}));
  for (const auto& dimension : plan.dimensions)
    for (const auto& goal : dimension.goals)
      for (const auto& result : evaluation.indicators) {
        if (result.goal_id != goal.id) continue;
        const auto& indicator = *result.indicator;
        sheet.rows.push_back(
            {sheet_text(dimension.name), sheet_text(goal.name), sheet_text(indicator.name),
             percent(indicator.weight, weight_decimals(indicator.weight)),
             optional_number(result.target, NumberFormat::general, 0),
             indicator.kind == core::IndicatorKind::milestone && result.actual.value
                 ? sheet_text(format_actual(indicator, result.actual.value))
                 : optional_number(result.actual.value, NumberFormat::decimal, indicator.decimals),
             optional_percent(result.achievement),
             sheet_text(light_text(plan.policy, result.light)),
             sheet_number(result.score, NumberFormat::decimal, 2)});
      }
  std::vector<SheetCell> total(9);
  total[0] = sheet_text("總分", true);
  total[8] = sheet_number(evaluation.total_score, NumberFormat::decimal, 2);
  total[8].bold = true;
  sheet.rows.push_back(std::move(total));
  return sheet;
}

Sheet history_sheet(const core::Plan& plan, const std::vector<core::YearEvaluation>& evaluations) {
  Sheet sheet = empty_sheet("歷年得分");
  std::vector<std::string> header{"面向", "策略績效目標", "權重"};
  for (const auto& evaluation : evaluations)
    header.push_back(std::to_string(evaluation.year) + " 年度得分");
  sheet.rows.push_back(header_row(header));
  for (const auto& dimension : plan.dimensions)
    for (const auto& goal : dimension.goals) {
      std::vector<SheetCell> row{sheet_text(dimension.name), sheet_text(goal.name),
                                 percent(goal.weight, weight_decimals(goal.weight))};
      for (const auto& evaluation : evaluations) {
        SheetCell cell;
        for (const auto& rollup : evaluation.goals)
          if (rollup.id == goal.id) cell = sheet_number(rollup.score, NumberFormat::decimal, 2);
        row.push_back(cell);
      }
      sheet.rows.push_back(std::move(row));
    }
  std::vector<SheetCell> total{sheet_text("總分", true), SheetCell{}, SheetCell{}};
  for (const auto& evaluation : evaluations)
    total.push_back(sheet_number(evaluation.total_score, NumberFormat::decimal, 2));
  sheet.rows.push_back(std::move(total));
  return sheet;
}

void add_budget_lines(const std::vector<core::BudgetLine>& lines, const std::vector<int>& years,
                      Sheet& sheet) {
  for (const auto& line : lines) {
    const auto figures = core::budget_figures(line, years);
    std::vector<SheetCell> row{sheet_text(budget_line_label(line), !line.children.empty()),
                               sheet_number(figures.prior, NumberFormat::integer)};
    for (int year : years)
      row.push_back(sheet_number(figures.years.at(year), NumberFormat::integer));
    row.push_back(sheet_number(figures.after, NumberFormat::integer));
    row.push_back(sheet_number(figures.period_sum, NumberFormat::integer));
    row.push_back(sheet_number(figures.total, NumberFormat::integer));
    row.push_back(sheet_text(
        line.children.empty()
            ? (line.nature == core::BudgetNature::public_construction ? "公共建設" : "社會發展")
            : ""));
    row.push_back(sheet_text(line.note));
    sheet.rows.push_back(std::move(row));
    add_budget_lines(line.children, years, sheet);
  }
}

Sheet budget_sheet(const core::Plan& plan) {
  const auto years = plan.years();
  Sheet sheet = empty_sheet("經費總需求表");
  std::vector<std::string> header{"策略績效目標／計畫名稱（單位：" + plan.money_unit + "）",
                                  "以前年度已列預算數"};
  for (int year : years) header.push_back(std::to_string(year) + " 年度");
  header.push_back(std::to_string(plan.last_year) + "年度以後經費需求");
  header.push_back(std::to_string(plan.first_year) + "至" + std::to_string(plan.last_year) +
                   "年度合計");
  header.push_back("總計");
  header.push_back("計畫性質");
  header.push_back("備註");
  sheet.rows.push_back(header_row(header));
  add_budget_lines(plan.budget, years, sheet);
  const auto total = core::budget_total(plan);
  std::vector<SheetCell> row{sheet_text("總計", true),
                             sheet_number(total.prior, NumberFormat::integer)};
  for (int year : years) row.push_back(sheet_number(total.years.at(year), NumberFormat::integer));
  row.push_back(sheet_number(total.after, NumberFormat::integer));
  row.push_back(sheet_number(total.period_sum, NumberFormat::integer));
  row.push_back(sheet_number(total.total, NumberFormat::integer));
  for (auto& cell : row) cell.bold = true;
  sheet.rows.push_back(std::move(row));
  return sheet;
}

std::string shown_text(const SheetCell& cell) {
  if (const auto* value = std::get_if<std::string>(&cell.value)) return *value;
  if (const auto* value = std::get_if<double>(&cell.value)) {
    if (cell.format == NumberFormat::percent)
      return format_fixed(*value * 100, cell.decimals) + "%";
    return format_fixed(*value, cell.format == NumberFormat::general ? 2 : cell.decimals);
  }
  return "";
}

}  // namespace

void fit_columns(Sheet& sheet) {
  constexpr double kMinimum = 6;
  constexpr double kMaximum = 60;
  sheet.column_widths.clear();
  for (const auto& row : sheet.rows) {
    if (sheet.column_widths.size() < row.size()) sheet.column_widths.resize(row.size(), kMinimum);
    for (std::size_t column = 0; column < row.size(); ++column) {
      const double width = core::display_width(shown_text(row[column])) + 2;
      sheet.column_widths[column] = std::clamp(width, sheet.column_widths[column], kMaximum);
    }
  }
}

Workbook plan_workbook(const core::Plan& plan,
                       const std::vector<core::YearEvaluation>& evaluations) {
  Workbook workbook;
  workbook.title = plan_title(plan);
  workbook.sheets.push_back(indicator_sheet(plan));
  for (const auto& evaluation : evaluations)
    workbook.sheets.push_back(evaluation_sheet(plan, evaluation));
  workbook.sheets.push_back(history_sheet(plan, evaluations));
  workbook.sheets.push_back(budget_sheet(plan));
  for (auto& sheet : workbook.sheets) fit_columns(sheet);
  return workbook;
}

}  // namespace planscore::document
