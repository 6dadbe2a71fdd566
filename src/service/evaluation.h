#pragma once
// Evaluation use case: finds each indicator's actual value for a year — the manual
// value when one was entered, else its formula computed over the registers — and hands
// them to core's evaluation.
#include <map>
#include <string>
#include <vector>

#include "core/evaluation/evaluation.h"
#include "core/plan/plan.h"
#include "store/store.h"

namespace planscore::service {

// Computes actual values for one plan against one store. Caches each aggregate term and
// named metric per year for the life of the object, so evaluating several years or
// indicators that share terms runs each query once. Keeps references: the store and
// the plan must outlive it. Not thread-safe.
class ValueCalculator {
 public:
  ValueCalculator(store::Store& store, const core::Plan& plan);

  // Every indicator's actual value in `year`.
  std::map<std::string, core::ActualValue> actuals(int year);
  // One named metric's value over `years`, one or a span (nullopt: no value).
  std::optional<double> metric_value(const std::string& metric_id, core::YearRange years);

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

core::YearEvaluation evaluate_year(store::Store& store, const core::Plan& plan, int year);
std::vector<core::YearEvaluation> evaluate_all_years(store::Store& store, const core::Plan& plan);

}  // namespace planscore::service
