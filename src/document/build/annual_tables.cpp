#include "document/build/annual_tables.h"

#include "core/text/chinese_numeral.h"
#include "document/build/cells.h"
#include "document/build/figures.h"
#include "document/build/lights.h"

namespace planscore::document {
namespace {

Cell score_cell(double score) {
  return text_cell(format_score(score), Align::end);
}

std::string rate_text(double score, double weight) {
  return weight > 0 ? format_percent(score / weight * 100) : "—";
}

const core::RollUp* find_rollup(const std::vector<core::RollUp>& rollups, const std::string& id) {
  for (const auto& rollup : rollups)
    if (rollup.id == id) return &rollup;
  return nullptr;
}

std::vector<Cell> subtotal_row(std::string label, double weight, double score) {
  std::vector<Cell> row{header_cell(std::move(label), 2),
                        text_cell(format_weight(weight), Align::end),
                        text_cell(""),
                        text_cell(""),
                        text_cell(rate_text(score, weight), Align::end),
                        text_cell(""),
                        score_cell(score),
                        text_cell("")};
  for (auto& cell : row) cell.bold = true;
  return row;
}

}  // namespace

Table dimension_summary_table(const core::YearEvaluation& evaluation) {
  Table table;
  table.header_rows = 1;
  table.column_widths = {10, 6, 6, 6};
  table.rows.push_back(
      {header_cell("面向"), header_cell("權重"), header_cell("得分"), header_cell("得分率")});
  double weight_sum = 0;
  for (const auto& dimension : evaluation.dimensions) {
    table.rows.push_back({text_cell(dimension.name + "面向"),
                          text_cell(format_weight(dimension.weight), Align::end),
                          score_cell(dimension.score),
                          text_cell(rate_text(dimension.score, dimension.weight), Align::end)});
    weight_sum += dimension.weight;
  }
  std::vector<Cell> total{header_cell("總計"), text_cell(format_weight(weight_sum), Align::end),
                          score_cell(evaluation.total_score),
                          text_cell(rate_text(evaluation.total_score, weight_sum), Align::end)};
  for (auto& cell : total) cell.bold = true;
  table.rows.push_back(std::move(total));
  return table;
}

Table indicator_results_table(const core::Plan& plan, const core::Dimension& dimension,
                              const core::YearEvaluation& evaluation,
                              const std::map<std::string, IndicatorReview>& reviews) {
  Table table;
  table.small = true;
  table.header_rows = 1;
  table.column_widths = {12, 14, 4, 6, 6, 6, 6, 5, 6};
  table.rows.push_back({header_cell("策略績效目標"), header_cell("衡量指標"), header_cell("權重"),
                        header_cell("目標值"), header_cell("實際值"), header_cell("達成度"),
                        header_cell("燈號"), header_cell("得分"), header_cell("審核狀態")});
  for (const auto& goal : dimension.goals) {
    std::vector<const core::IndicatorResult*> results;
    for (const auto& result : evaluation.indicators)
      if (result.goal_id == goal.id) results.push_back(&result);
    bool first = true;
    for (const auto* result : results) {
      const auto& indicator = *result->indicator;
      std::vector<Cell> row;
      if (first)
        row.push_back(text_cell(core::chinese_numeral(goal.number) + "、" + goal.name, Align::start,
                                static_cast<int>(results.size())));
      first = false;
      row.push_back(text_cell(indicator.name));
      row.push_back(text_cell(format_weight(indicator.weight), Align::end));
      row.push_back(text_cell(
          result->target ? format_result_target(indicator, *result->target) : "—", Align::end));
      row.push_back(text_cell(format_actual(indicator, result->actual.value), Align::end));
      row.push_back(text_cell(format_percent(result->achievement), Align::end));
      Cell light = text_cell(light_text(plan.policy, result->light), Align::center);
      light.colour = light_colour(plan.policy, result->light);
      row.push_back(std::move(light));
      row.push_back(score_cell(result->score));
      const auto review = reviews.find(indicator.id);
      row.push_back(
          text_cell(review_state_label(review == reviews.end() ? "draft" : review->second.state),
                    Align::center));
      table.rows.push_back(std::move(row));
    }
    if (const auto* rollup = find_rollup(evaluation.goals, goal.id))
      table.rows.push_back(subtotal_row("目標小計", rollup->weight, rollup->score));
  }
  if (const auto* rollup = find_rollup(evaluation.dimensions, dimension.id))
    table.rows.push_back(subtotal_row(dimension.name + "面向小計", rollup->weight, rollup->score));
  return table;
}

Table goal_history_table(const core::Plan& plan,
                         const std::vector<core::YearEvaluation>& evaluations,
                         const std::set<int>& locked_years) {
  Table table;
  table.small = true;
  table.header_rows = 1;
  table.column_widths = {18, 5};
  table.column_widths.insert(table.column_widths.end(), evaluations.size(), 6);
  std::vector<Cell> header{header_cell("策略績效目標"), header_cell("權重")};
  for (const auto& evaluation : evaluations)
    header.push_back(
        header_cell(std::to_string(evaluation.year) + " 年度" +
                    (locked_years.contains(evaluation.year) ? "（已鎖定）" : "（暫定）")));
  table.rows.push_back(std::move(header));
  for (const auto& dimension : plan.dimensions)
    for (const auto& goal : dimension.goals) {
      std::vector<Cell> row{
          text_cell(dimension.name + core::chinese_numeral(goal.number) + "、" + goal.name),
          text_cell(format_weight(goal.weight), Align::end)};
      for (const auto& evaluation : evaluations) {
        const auto* rollup = find_rollup(evaluation.goals, goal.id);
        row.push_back(rollup ? score_cell(rollup->score) : text_cell("—", Align::center));
      }
      table.rows.push_back(std::move(row));
    }
  std::vector<Cell> total{header_cell("總分", 2)};
  for (const auto& evaluation : evaluations) total.push_back(score_cell(evaluation.total_score));
  table.rows.push_back(std::move(total));
  return table;
}

}  // namespace planscore::document
