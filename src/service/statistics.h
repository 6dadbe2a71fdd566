#pragma once
// Computing the statistics view (業務統計, core/evaluation/statistics.h) from the records.
#include <optional>

#include "core/calendar/year_range.h"
#include "core/evaluation/statistics.h"
#include "core/plan/plan.h"
#include "store/store.h"

namespace planscore::service {

// Ranges longer than this are refused: the view has a column per year.
constexpr int kMaxStatisticsYears = 20;

// Throws Failure(invalid) naming the problem when first > last, a year is not positive
// or the range is longer than kMaxStatisticsYears.
core::Statistics compute_statistics(store::Store& store, const core::Plan& plan,
                                    core::YearRange years);

// The range a request asks for: each end defaults to the plan's own first or last year.
core::YearRange statistics_range(const core::Plan& plan, std::optional<int> first,
                                 std::optional<int> last);

}  // namespace planscore::service
