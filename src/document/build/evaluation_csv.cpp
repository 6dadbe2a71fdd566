#include "document/build/evaluation_csv.h"

#include <fmt/format.h>

#include "core/register/csv.h"
#include "document/build/lights.h"

namespace planscore::document {
namespace {

std::string plain(std::optional<double> value) {
  return value ? fmt::format("{}", *value) : "";
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
      csv += core::csv_line({std::to_string(evaluation.year), dimension_name, goal_name,
                             indicator.id, indicator.name, fmt::format("{}", indicator.weight),
                             plain(result.target), plain(result.actual.value), indicator.unit,
                             source, plain(result.achievement), light ? light->label : result.light,
                             fmt::format("{}", result.score)});
    }
  return csv;
}

}  // namespace planscore::document
