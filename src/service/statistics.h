#pragma once
// The statistics view (業務統計): every metric that names a section, grouped by section
// in plan order, with its value in each year of a range and over the whole range.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar/year_range.h"
#include "core/plan/plan.h"
#include "store/store.h"

namespace planscore::service {

// Ranges longer than this are refused: the view has a column per year.
constexpr int kMaxStatisticsYears = 20;

struct StatisticsRow {
  const core::Metric* metric = nullptr;  // points into the plan given
  std::map<int, std::optional<double>> by_year;
  // The metric computed over the whole range — not the sum of the years: a rate is
  // recomputed, and a summary record covering the range counts only here.
  std::optional<double> over_range;
};

struct StatisticsSection {
  const core::Section* section = nullptr;
  std::vector<StatisticsRow> rows;
};

struct Statistics {
  core::YearRange years;
  std::vector<StatisticsSection> sections;  // only sections with at least one metric
};

// Throws Failure(invalid) naming the problem when first > last, a year is not positive
// or the range is longer than kMaxStatisticsYears.
Statistics compute_statistics(store::Store& store, const core::Plan& plan, core::YearRange years);

// The range a request asks for: each end defaults to the plan's own first or last year.
core::YearRange statistics_range(const core::Plan& plan, std::optional<int> first,
                                 std::optional<int> last);

}  // namespace planscore::service
