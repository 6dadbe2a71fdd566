#include "core/plan/warnings.h"

#include "core/problem_catalog.h"

namespace planscore::core {

Problems plan_warnings(const Plan& plan, const std::set<std::string>& indicators_with_values) {
  Problems warnings;
  for (std::size_t d = 0; d < plan.dimensions.size(); ++d) {
    const auto& goals = plan.dimensions[d].goals;
    for (std::size_t g = 0; g < goals.size(); ++g) {
      const auto& indicators = goals[g].indicators;
      for (std::size_t i = 0; i < indicators.size(); ++i) {
        const Indicator& indicator = indicators[i];
        if (indicator.kind == IndicatorKind::milestone || !indicator.formula.empty() ||
            indicators_with_values.contains(indicator.id))
          continue;
        warnings.push_back(coded_problem("dimensions[" + std::to_string(d) + "].goals[" +
                                             std::to_string(g) + "].indicators[" +
                                             std::to_string(i) + "]",
                                         "no_value_source", {{"indicator", indicator.id}}));
      }
    }
  }
  return warnings;
}

}  // namespace planscore::core
