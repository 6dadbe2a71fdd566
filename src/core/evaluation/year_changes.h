#pragma once
// What a plan change would change in a year that is already evaluated: the year's
// evaluation under the plan in force and under the proposed plan, compared figure by
// figure. A locked year must evaluate, report and export exactly as it was locked, so a
// plan edit that changes any of these figures for a locked year is refused and the
// problems name each one.
#include "core/evaluation/evaluation.h"
#include "core/problem.h"

namespace planscore::core {

// One coded problem per figure that differs (an indicator's target, weight, actual value,
// light or score; a goal's or dimension's weight or score; the total; an indicator added
// or removed), at path "years.<year>.<indicator or goal id>". Figures are compared as
// printed (at the indicator's decimals, scores at two), so a change below what any page
// or document shows is no change. At most `limit` problems.
Problems year_changes(const YearEvaluation& before, const YearEvaluation& after,
                      std::size_t limit = 20);

}  // namespace planscore::core
