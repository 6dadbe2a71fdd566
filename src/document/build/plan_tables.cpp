#include "document/build/plan_tables.h"

#include <fmt/format.h>

#include "core/plan/budget.h"
#include "core/text/chinese_numeral.h"
#include "document/build/cells.h"
#include "document/build/figures.h"

namespace planscore::document {
namespace {

void add_budget_rows(const std::vector<core::BudgetLine>& lines, const std::vector<int>& years,
                     std::vector<std::vector<Cell>>& rows) {
  for (const auto& line : lines) {
    std::vector<Cell> row{text_cell(budget_line_label(line))};
    if (line.children.empty()) {
      const auto figures = core::budget_figures(line, years);
      row.push_back(figures.prior == 0 ? text_cell("") : figure_cell(figures.prior));
      for (int year : years) row.push_back(figure_cell(figures.years.at(year)));
      row.push_back(figure_cell(figures.after));
      row.push_back(figure_cell(figures.period_sum));
      row.push_back(figure_cell(figures.total));
      const bool public_works = line.nature == core::BudgetNature::public_construction;
      row.push_back(text_cell(public_works ? "√" : "", Align::center));
      row.push_back(text_cell(public_works ? "" : "√", Align::center));
      row.push_back(text_cell(line.note));
    } else {
      // A parent line prints only its name, as the seed does; its children carry the
      // figures and the total row sums them.
      for (std::size_t column = 0; column < years.size() + 7; ++column)
        row.push_back(text_cell(""));
    }
    rows.push_back(std::move(row));
    add_budget_rows(line.children, years, rows);
  }
}

}  // namespace

std::string weight_suffix(double weight) {
  return "(" + format_weight(weight) + ")";
}

std::string budget_line_label(const core::BudgetLine& line) {
  const bool top_level = line.number.find('.') == std::string::npos;
  return line.number + (top_level ? ". " : " ") + line.name;
}

Table indicator_table(const core::Plan& plan, const core::Dimension& dimension) {
  const auto years = plan.years();
  Table table;
  table.small = true;
  table.header_rows = 2;
  table.column_widths = {2.5, 13, 2.5, 13, 4, 4.5, 14};
  table.column_widths.insert(table.column_widths.end(), years.size(), 6);
  table.rows.push_back({header_cell("策略績效目標", 2, 2), header_cell("衡量指標", 2, 2),
                        header_cell("評估體制", 1, 2), header_cell("評估方式", 1, 2),
                        header_cell("衡量標準", 1, 2),
                        header_cell("年度目標值", static_cast<int>(years.size()))});
  std::vector<Cell> year_row;
  for (int year : years) year_row.push_back(header_cell(std::to_string(year)));
  table.rows.push_back(std::move(year_row));

  for (const auto& goal : dimension.goals) {
    const int span = std::max<int>(1, static_cast<int>(goal.indicators.size()));
    if (goal.indicators.empty()) {  // a goal still being written: its row, with no indicator
      std::vector<Cell> row{text_cell(core::chinese_numeral(goal.number), Align::center),
                            text_cell(goal.name + weight_suffix(goal.weight))};
      row.resize(table.column_widths.size());
      table.rows.push_back(std::move(row));
    }
    bool first = true;
    for (const auto& indicator : goal.indicators) {
      std::vector<Cell> row;
      if (first) {
        row.push_back(text_cell(core::chinese_numeral(goal.number), Align::center, span));
        row.push_back(text_cell(goal.name + weight_suffix(goal.weight), Align::start, span));
        first = false;
      }
      row.push_back(text_cell(core::chinese_numeral(indicator.number), Align::center));
      row.push_back(text_cell(indicator.name + weight_suffix(indicator.weight)));
      row.push_back(text_cell(std::to_string(indicator.framework), Align::center));
      row.push_back(text_cell(indicator.method, Align::center));
      row.push_back(text_cell(indicator.standard));
      for (int year : years) {
        const auto target = indicator.targets.find(year);
        row.push_back(text_cell(
            target == indicator.targets.end() ? "" : format_target(indicator, target->second),
            Align::center));
      }
      table.rows.push_back(std::move(row));
    }
  }
  return table;
}

Table budget_table(const core::Plan& plan) {
  const auto years = plan.years();
  Table table;
  table.small = true;
  table.header_rows = 2;
  table.column_widths = {17, 6.5};
  table.column_widths.insert(table.column_widths.end(), years.size(), 5.5);
  table.column_widths.insert(table.column_widths.end(), {6.5, 6.5, 6, 4, 4, 5});

  std::vector<Cell> header{header_cell("策略績效目標\n計畫名稱", 1, 2),
                           header_cell("以前年度\n已列預算數", 1, 2)};
  for (int year : years) header.push_back(header_cell(fmt::format("{} 年度", year), 1, 2));
  header.push_back(header_cell(fmt::format("{}年度以後\n經費需求", plan.last_year), 1, 2));
  header.push_back(
      header_cell(fmt::format("{}至{}\n年度合計", plan.first_year, plan.last_year), 1, 2));
  header.push_back(header_cell("總計", 1, 2));
  header.push_back(header_cell("計畫性質", 2));
  header.push_back(header_cell("備註", 1, 2));
  table.rows.push_back(std::move(header));
  table.rows.push_back({header_cell("公共\n建設"), header_cell("社會\n發展")});

  add_budget_rows(plan.budget, years, table.rows);

  const auto total = core::budget_total(plan);
  std::vector<Cell> total_row{header_cell("總計"), figure_cell(total.prior)};
  for (int year : years) total_row.push_back(figure_cell(total.years.at(year)));
  total_row.push_back(figure_cell(total.after));
  total_row.push_back(figure_cell(total.period_sum));
  total_row.push_back(figure_cell(total.total));
  total_row.push_back(text_cell(""));
  total_row.push_back(text_cell(""));
  total_row.push_back(text_cell(""));
  for (auto& cell : total_row) cell.bold = true;
  table.rows.push_back(std::move(total_row));
  return table;
}

}  // namespace planscore::document
