#include "store/maintained_totals.h"

#include "store/term_totals_sql.h"

namespace planscore::store {

using core::metric::AggregateFunction;

void MaintainedTotals::add_term(const std::string& key, std::vector<TermBucket> buckets) {
  buckets_by_term_[key] = std::move(buckets);
}

std::optional<std::optional<double>> MaintainedTotals::value(const core::RegisterDef& register_def,
                                                             const core::metric::Aggregate& term,
                                                             core::YearRange years) const {
  if (uses_values_table(term)) return std::nullopt;
  const auto found = buckets_by_term_.find(term.key());
  if (found == buckets_by_term_.end()) return std::nullopt;
  const BucketBounds bounds = bucket_bounds(register_def, scope_of(term), years);
  TermBucket sum;
  for (const TermBucket& bucket : found->second) {
    if (!bounds.contains(bucket.y_from, bucket.y_to)) continue;
    sum.records += bucket.records;
    sum.filled += bucket.filled;
    sum.total += bucket.total;
  }
  switch (term.function) {
    case AggregateFunction::sum:
      return std::optional<double>(sum.total);
    case AggregateFunction::avg:
      if (sum.filled == 0) return std::optional<double>();
      return std::optional<double>(sum.total / static_cast<double>(sum.filled));
    default:  // count and active
      return std::optional<double>(
          static_cast<double>(term.field.empty() ? sum.records : sum.filled));
  }
}

bool MaintainedTotals::maintains(const core::metric::Aggregate& term) const {
  return buckets_by_term_.count(term.key()) != 0;
}

std::optional<bool> MaintainedTotals::has_records(const core::RegisterDef& register_def,
                                                  core::YearRange years) const {
  const auto count = value(register_def, record_count_term(register_def.id), years);
  if (!count) return std::nullopt;
  return count->value_or(0) > 0;
}

core::metric::Aggregate record_count_term(const std::string& register_id) {
  core::metric::Aggregate term;
  term.function = AggregateFunction::count;
  term.register_id = register_id;
  return term;
}

}  // namespace planscore::store
