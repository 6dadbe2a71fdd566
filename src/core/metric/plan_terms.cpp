#include "core/metric/plan_terms.h"

#include "core/metric/parse.h"

namespace planscore::core::metric {

PlanTerms::PlanTerms(const Plan& plan) {
  auto add_formula = [&](const std::string& formula) {
    if (formula.empty()) return;
    ParseResult result = parse(formula);
    if (!result.expr) return;
    std::vector<const Aggregate*> terms;
    collect_aggregates(*result.expr, terms);
    for (const Aggregate* term : terms) by_register_[term->register_id].push_back(term);
    parsed_.push_back(std::move(result.expr));
  };
  for (const auto& metric : plan.metrics) add_formula(metric.formula);
  for (const auto& dimension : plan.dimensions)
    for (const auto& goal : dimension.goals)
      for (const auto& indicator : goal.indicators) add_formula(indicator.formula);
}

const std::vector<const Aggregate*>& PlanTerms::of_register(const std::string& register_id) const {
  static const std::vector<const Aggregate*> none;
  const auto found = by_register_.find(register_id);
  return found == by_register_.end() ? none : found->second;
}

}  // namespace planscore::core::metric
