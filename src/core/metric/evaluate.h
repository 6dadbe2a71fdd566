#pragma once
// Computing a formula's value for a year. Any "no value" leaf (an aggregate with no
// data, an unknown name) or a division by zero makes the whole value "no value": never
// inf, NaN or a crash.
#include <functional>
#include <optional>
#include <string>

#include "core/calendar/year_range.h"
#include "core/metric/ast.h"

namespace planscore::core::metric {

struct EvaluationContext {
  // The aggregate's value over ROC years `years` (the store answers); nullopt = no data.
  std::function<std::optional<double>(const Aggregate& term, YearRange years)> aggregate;
  // A plan constant by id, in `years` (a constant may differ by year).
  std::function<std::optional<double>(const std::string& name, YearRange years)> constant;
  // A named metric's value over `years` (the caller evaluates it, memoised).
  std::function<std::optional<double>(const std::string& name, YearRange years)> metric;
};

std::optional<double> evaluate(const Expr& expr, YearRange years, const EvaluationContext& context);

}  // namespace planscore::core::metric
