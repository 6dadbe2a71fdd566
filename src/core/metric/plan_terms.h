#pragma once
// Every aggregate term of a plan's formulas, its metrics' and its indicators', by register:
// what the store indexes and maintains, and what an evaluation computes together.
#include <map>
#include <string>
#include <vector>

#include "core/metric/ast.h"
#include "core/plan/plan.h"

namespace planscore::core::metric {

class PlanTerms {
 public:
  explicit PlanTerms(const Plan& plan);

  // In order of appearance; a term used by several formulas appears once for each.
  const std::vector<const Aggregate*>& of_register(const std::string& register_id) const;
  const std::map<std::string, std::vector<const Aggregate*>>& by_register() const {
    return by_register_;
  }

 private:
  std::vector<ExprPtr> parsed_;  // shared: copies keep the terms alive
  std::map<std::string, std::vector<const Aggregate*>> by_register_;
};

}  // namespace planscore::core::metric
