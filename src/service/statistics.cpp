#include "service/statistics.h"

#include "service/evaluation.h"
#include "service/failure.h"

namespace planscore::service {
namespace {

void require_valid(core::YearRange years) {
  const auto refuse = [](const std::string& message) {
    throw Failure(FailureKind::invalid, message, {{"from", message}});
  };
  if (years.first <= 0) refuse("years are ROC years from 1; got " + std::to_string(years.first));
  if (years.first > years.last)
    refuse("the first year " + std::to_string(years.first) + " is after the last year " +
           std::to_string(years.last));
  if (years.length() > kMaxStatisticsYears)
    refuse("at most " + std::to_string(kMaxStatisticsYears) + " years at a time; " + years.text() +
           " is " + std::to_string(years.length()));
}

}  // namespace

core::YearRange statistics_range(const core::Plan& plan, std::optional<int> first,
                                 std::optional<int> last) {
  return {first.value_or(plan.first_year), last.value_or(plan.last_year)};
}

core::Statistics compute_statistics(store::Store& store, const core::Plan& plan,
                                    core::YearRange years) {
  require_valid(years);
  ValueCalculator calculator(store, plan);
  core::Statistics statistics{years, {}};
  for (const auto& section : plan.sections) {
    core::StatisticsSection part{&section, {}};
    for (const auto& metric : plan.metrics) {
      if (metric.section != section.id) continue;
      core::StatisticsRow row{&metric, {}, calculator.metric_value(metric.id, years)};
      for (int year = years.first; year <= years.last; ++year)
        row.by_year[year] = calculator.metric_value(metric.id, year);
      part.rows.push_back(std::move(row));
    }
    if (!part.rows.empty()) statistics.sections.push_back(std::move(part));
  }
  return statistics;
}

}  // namespace planscore::service
