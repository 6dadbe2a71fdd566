#pragma once
// Every maintained term's totals (term_totals_sql.h), read in one query so that an
// evaluation reads its terms in one round trip instead of one query per term and span:
// after a one-record write, the next evaluation costs the same whatever the registers'
// sizes. Terms kept as values (min, max, count_distinct) are not in it; their callers ask
// Store::aggregate, which answers them from their maintained values one by one.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar/year_range.h"
#include "core/metric/ast.h"
#include "core/register/register.h"

namespace planscore::store {

struct TermBucket {
  std::int64_t y_from = 0;
  std::int64_t y_to = 0;
  std::int64_t records = 0;
  std::int64_t filled = 0;  // records whose field has a value
  double total = 0;
};

class MaintainedTotals {
 public:
  // A maintained term with its buckets (none when no record counts for it, or when it is
  // kept as values).
  void add_term(const std::string& key, std::vector<TermBucket> buckets);

  // The term's value over `years`, or nullopt when the totals cannot say (the term is
  // not maintained, or keeps values). The inner optional is "no value" (avg over nothing).
  std::optional<std::optional<double>> value(const core::RegisterDef& register_def,
                                             const core::metric::Aggregate& term,
                                             core::YearRange years) const;
  // Whether the term is maintained, in totals or (min, max, count_distinct) as values.
  bool maintains(const core::metric::Aggregate& term) const;
  // Whether the register holds a record placed in `years`, when count(register) is
  // maintained.
  std::optional<bool> has_records(const core::RegisterDef& register_def,
                                  core::YearRange years) const;

 private:
  std::map<std::string, std::vector<TermBucket>> buckets_by_term_;
};

// count(register): the term whose totals say whether a register holds records in a span.
core::metric::Aggregate record_count_term(const std::string& register_id);

}  // namespace planscore::store
