#pragma once
// Computed figures of the budget requirement table (經費總需求表): plan-period sums,
// line totals, parent rows and the grand total are derived, never stored.
#include <map>
#include <vector>

#include "core/plan/plan.h"

namespace planscore::core {

struct BudgetFigures {
  double prior = 0;
  std::map<int, double> years;
  double after = 0;
  double period_sum = 0;  // sum of the plan years (e.g. 104至107年度合計)
  double total = 0;       // prior + period_sum + after (總計)
};

// A line's figures: its own amounts, or for a parent the sum of its children's.
BudgetFigures budget_figures(const BudgetLine& line, const std::vector<int>& years);
// The 總計 row: the sum of the top-level lines.
BudgetFigures budget_total(const Plan& plan);

}  // namespace planscore::core
