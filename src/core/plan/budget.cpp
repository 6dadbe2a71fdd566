#include "core/plan/budget.h"

namespace planscore::core {
namespace {

void add_into(BudgetFigures& sum, const BudgetFigures& part) {
  sum.prior += part.prior;
  for (const auto& [year, amount] : part.years) sum.years[year] += amount;
  sum.after += part.after;
  sum.period_sum += part.period_sum;
  sum.total += part.total;
}

}  // namespace

BudgetFigures budget_figures(const BudgetLine& line, const std::vector<int>& years) {
  BudgetFigures figures;
  for (int year : years) figures.years[year] = 0;
  if (!line.children.empty()) {
    for (const auto& child : line.children) add_into(figures, budget_figures(child, years));
    return figures;
  }
  figures.prior = line.prior;
  figures.after = line.after;
  for (int year : years) {
    auto found = line.years.find(year);
    double amount = found == line.years.end() ? 0 : found->second;
    figures.years[year] = amount;
    figures.period_sum += amount;
  }
  figures.total = figures.prior + figures.period_sum + figures.after;
  return figures;
}

BudgetFigures budget_total(const Plan& plan) {
  const auto years = plan.years();
  BudgetFigures total;
  for (int year : years) total.years[year] = 0;
  for (const auto& line : plan.budget) add_into(total, budget_figures(line, years));
  return total;
}

}  // namespace planscore::core
