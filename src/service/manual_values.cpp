#include "service/manual_values.h"

#include <cmath>

namespace planscore::service {

core::Problems set_manual_value(store::Store& store, const core::Plan& plan,
                                const std::string& indicator_id, int year, double value,
                                const std::string& note) {
  core::Problems problems;
  const auto* indicator = plan.find_indicator(indicator_id);
  if (!indicator) {
    problems.push_back({"indicator", "unknown indicator \"" + indicator_id + "\""});
    return problems;
  }
  if (year < plan.first_year || year > plan.last_year)
    problems.push_back({"year", std::to_string(year) + " is not a plan year (" +
                                    std::to_string(plan.first_year) + "–" +
                                    std::to_string(plan.last_year) + ")"});
  if (!std::isfinite(value)) {
    problems.push_back({"value", "the value is not a number"});
  } else if (indicator->kind == core::IndicatorKind::yes_no && value != 0 && value != 1) {
    problems.push_back({"value", "a yes/no indicator takes 1 (yes) or 0 (no)"});
  } else if (indicator->kind == core::IndicatorKind::milestone) {
    bool is_stage = false;
    for (const auto& stage : indicator->stages) is_stage = is_stage || stage.percent == value;
    if (!is_stage)
      problems.push_back({"value", "a milestone value must be one of the stages' percentages"});
  }
  if (note.empty()) problems.push_back({"note", "say where the value comes from (a source note)"});
  if (!problems.empty()) return problems;

  store::Transaction transaction(store);
  store.set_manual_value(plan.id, {indicator_id, year, value, note});
  transaction.commit();
  return problems;
}

}  // namespace planscore::service
