#pragma once
// The statistics view (業務統計) as values: every metric that names a section, grouped by
// section in plan order, with its value in each year of a range and over the whole range.
// Computed by service/statistics, laid out by document/build/statistics_tables.
#include <map>
#include <optional>
#include <vector>

#include "core/calendar/year_range.h"
#include "core/plan/plan.h"

namespace planscore::core {

struct StatisticsRow {
  const Metric* metric = nullptr;  // points into the plan the view was computed for
  std::map<int, std::optional<double>> by_year;
  // The metric computed over the whole range — not the sum of the years: a rate is
  // recomputed, and a summary record covering the range counts only here.
  std::optional<double> over_range;
};

struct StatisticsSection {
  const Section* section = nullptr;
  std::vector<StatisticsRow> rows;
};

struct Statistics {
  YearRange years;
  std::vector<StatisticsSection> sections;  // only sections with at least one metric
};

}  // namespace planscore::core
