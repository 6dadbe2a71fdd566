#include "document/build/evaluation_csv.h"

#include <fmt/format.h>

#include "core/register/csv.h"
#include "core/text/plan_number.h"
#include "document/build/lights.h"

namespace planscore::document {
namespace {

// Decimals the annual report prints achievements (a percent) and scores with.
constexpr int kAchievementDecimals = 1;
constexpr int kScoreDecimals = 2;

// A figure at its precision, without separators so a spreadsheet reads it as a number
// ("110.0", not 110.00000000000001); empty when there is no value.
core::CsvCell figure(std::optional<double> value, int decimals) {
  return core::CsvCell::formatted(
      value ? core::format_plan_number(*value, decimals, core::NumberStyle::bare) : "");
}

}  // namespace

std::string evaluation_csv(const core::Plan& plan,
                           const std::vector<core::YearEvaluation>& evaluations) {
  std::string csv = kUtf8Bom;
  csv += core::csv_line({"年度", "面向", "策略績效目標", "指標代碼", "衡量指標", "權重(%)",
                         "目標值", "實際值", "單位", "來源", "達成度(%)", "燈號", "得分"});
  for (const auto& evaluation : evaluations)
    for (const auto& result : evaluation.indicators) {
      const auto& indicator = *result.indicator;
      std::string dimension_name, goal_name;
      for (const auto& dimension : plan.dimensions)
        for (const auto& goal : dimension.goals)
          if (goal.id == result.goal_id) {
            dimension_name = dimension.name;
            goal_name = goal.name;
          }
      const char* source = result.actual.source == core::ValueSource::formula  ? "公式"
                           : result.actual.source == core::ValueSource::manual ? "人工填報"
                                                                               : "無";
      const auto* light = find_light(plan.policy, result.light);
      csv += core::csv_line({core::CsvCell::formatted(std::to_string(evaluation.year)),
                             dimension_name, goal_name, indicator.id, indicator.name,
                             core::CsvCell::formatted(fmt::format("{}", indicator.weight)),
                             figure(result.target, indicator.decimals),
                             figure(result.actual.value, indicator.decimals), indicator.unit,
                             source, figure(result.achievement, kAchievementDecimals),
                             light ? light->label : result.light,
                             figure(result.score, kScoreDecimals)});
    }
  return csv;
}

}  // namespace planscore::document
