#include "cli/evaluation_output.h"

#include <fmt/format.h>

#include "cli/table.h"
#include "core/evaluation/scoring_note.h"
#include "core/register/csv.h"
#include "core/text/plan_number.h"
#include "document/build/figures.h"

namespace planscore::cli {
namespace {

const core::LightCategory* light_of(const core::Plan& plan, const std::string& id) {
  for (const auto& light : plan.policy.lights)
    if (light.id == id) return &light;
  return nullptr;
}

std::string light_text(const core::Plan& plan, const std::string& id) {
  const auto* light = light_of(plan, id);
  return light ? light->symbol + " " + light->label : id;
}

}  // namespace

std::string evaluation_table(const core::Plan& plan, const core::YearEvaluation& evaluation) {
  std::vector<std::vector<std::string>> rows;
  std::size_t next = 0;
  for (std::size_t g = 0; g < evaluation.goals.size(); ++g) {
    const auto& goal = evaluation.goals[g];
    for (; next < evaluation.indicators.size() && evaluation.indicators[next].goal_id == goal.id;
         ++next) {
      const auto& row = evaluation.indicators[next];
      const auto& indicator = *row.indicator;
      rows.push_back(
          {indicator.id, indicator.name, document::format_weight(indicator.weight),
           row.target ? document::format_result_target(indicator, *row.target) : "—",
           row.actual.value ? document::format_actual(indicator, row.actual.value) : "無資料",
           document::format_percent(row.achievement), light_text(plan, row.light),
           document::format_score(row.score)});
    }
    rows.push_back({goal.id, "小計 " + goal.name, document::format_weight(goal.weight), "", "", "",
                    "", document::format_score(goal.score)});
  }
  rows.push_back({"", evaluation.complete ? "總分" : "總分（未完成）", "100%", "", "", "", "",
                  document::format_score(evaluation.total_score)});
  std::string out = fmt::format("民國 {} 年度 施政績效評估　{}\n", evaluation.year, plan.name);
  out += format_table({"編號", "衡量指標", "權重", "目標值", "實際值", "達成度", "燈號", "得分"},
                      rows, {false, false, true, true, true, true, false, true});
  // What the policy did this year, never a fixed sentence: under `exclude` an empty
  // indicator does not score 0.
  out += "計分說明：" + core::scoring_note(evaluation, core::Language::traditional_chinese) + "\n";
  return out;
}

std::string trend_table(const core::Plan& plan, const std::vector<core::YearEvaluation>& years) {
  std::vector<std::string> header{"面向 / 目標"};
  std::vector<bool> right{false};
  for (const auto& year : years) {
    header.push_back(fmt::format("{} 年度", year.year));
    right.push_back(true);
  }
  std::vector<std::vector<std::string>> rows;
  for (std::size_t g = 0; years.size() > 0 && g < years.front().goals.size(); ++g) {
    std::vector<std::string> row{years.front().goals[g].name};
    for (const auto& year : years) row.push_back(document::format_score(year.goals[g].score));
    rows.push_back(row);
  }
  std::vector<std::string> total{"總分"};
  for (const auto& year : years) total.push_back(document::format_score(year.total_score));
  rows.push_back(total);
  return fmt::format("{} 各年度得分\n", plan.name) + format_table(header, rows, right);
}

std::string evaluation_csv(const std::vector<core::YearEvaluation>& years) {
  // Figures at the precision the reports print them: values at the indicator's decimals,
  // achievements (percent) at 1, scores at 2.
  const auto figure = [](const std::optional<double>& value, int decimals) {
    return core::CsvCell::formatted(
        value ? core::format_plan_number(*value, decimals, core::NumberStyle::bare) : "");
  };
  std::string out = core::csv_line(
      {"year", "indicator", "name", "weight", "target", "actual", "achievement", "light", "score"});
  for (const auto& year : years)
    for (const auto& row : year.indicators) {
      const int decimals = row.indicator->decimals;
      out += core::csv_line({core::CsvCell::formatted(std::to_string(year.year)), row.indicator->id,
                             row.indicator->name,
                             core::CsvCell::formatted(fmt::format("{}", row.indicator->weight)),
                             figure(row.target, decimals), figure(row.actual.value, decimals),
                             figure(row.achievement, 1), row.light, figure(row.score, 2)});
    }
  return out;
}

}  // namespace planscore::cli
