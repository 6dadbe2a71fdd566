#pragma once
// Plan validation: every reason a plan cannot be stored, each with its place.
#include "core/plan/plan.h"
#include "core/problem.h"

namespace planscore::core {

// How many metrics may stand in a row, each using the next (a metric using only constants
// and registers is a chain of one). Evaluation recurses once per link.
constexpr int kMaxMetricChain = 16;

// Checks identifiers, weights (indicators sum to their goal, goals to 100), a target for
// every plan year that fits the indicator's kind, milestone stages, owner sections,
// register schemas, formulas (parse and type-check; cycles between metrics and chains
// longer than kMaxMetricChain), constants, budget amounts (no negative money; parent lines
// carry no amounts of their own) and the evaluation policy. Paths look like
// `dimensions[0].goals[3].indicators[1].weight`.
Problems validate(const Plan& plan);

}  // namespace planscore::core
