#include "core/metric/dependencies.h"

#include <algorithm>
#include <set>

#include "core/metric/parse.h"

namespace planscore::core::metric {
namespace {

void collect(const Plan& plan, const std::string& formula, std::set<std::string>& seen_metrics,
             std::vector<std::string>& registers) {
  auto parsed = parse(formula);
  if (!parsed.expr) return;
  std::vector<const Aggregate*> terms;
  collect_aggregates(*parsed.expr, terms);
  for (const auto* term : terms)
    if (std::find(registers.begin(), registers.end(), term->register_id) == registers.end())
      registers.push_back(term->register_id);
  std::vector<std::string> names;
  collect_names(*parsed.expr, names);
  for (const auto& name : names) {
    // A metric met twice (or a cycle, which validation refuses anyway) is read once.
    if (!seen_metrics.insert(name).second) continue;
    for (const auto& metric : plan.metrics)
      if (metric.id == name) collect(plan, metric.formula, seen_metrics, registers);
  }
}

}  // namespace

std::vector<std::string> registers_read_by(const Plan& plan, const std::string& formula) {
  std::vector<std::string> registers;
  std::set<std::string> seen_metrics;
  collect(plan, formula, seen_metrics, registers);
  return registers;
}

}  // namespace planscore::core::metric
