#pragma once
// Manual indicator values: for an indicator whose value is a yearly fact, or to
// override a computed one, a planner enters the value for a year with its source.
#include <string>

#include "core/plan/plan.h"
#include "core/problem.h"
#include "store/store.h"

namespace planscore::service {

// Checks the indicator exists, the year is a plan year, the value fits the indicator's
// kind (0/1 for yes/no, a stage for milestones) and a source note is
// given; stores it on success. On problems nothing is written.
core::Problems set_manual_value(store::Store& store, const core::Plan& plan,
                                const std::string& indicator_id, int year, double value,
                                const std::string& note);

}  // namespace planscore::service
