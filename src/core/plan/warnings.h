#pragma once
// What a valid plan may still get wrong in use: warnings that do not stop it from being
// stored, each with its place (the same paths as validate()).
#include <set>
#include <string>

#include "core/plan/plan.h"
#include "core/problem.h"

namespace planscore::core {

// An indicator that is not a milestone, has no formula and has no value entered for any
// year (`indicators_with_values` lists those that have one) would stay empty every year
// unless someone remembers to enter it: `no_value_source`.
Problems plan_warnings(const Plan& plan, const std::set<std::string>& indicators_with_values);

}  // namespace planscore::core
