#pragma once
// Maintained aggregate terms: the SQL that keeps a term's totals up to date as records
// are written, and that answers the term from those totals instead of scanning the
// register. Pure, like aggregate_sql.h, and built from the same condition and column
// SQL, so a maintained term counts exactly the records a scan would.
//
// Every record falls into one bucket per term: (y_from, y_to), ROC years derived from
// its time fields by the register's time basis and the term's scope (a date's year; an
// interval's start and end years; for active(), the last year at whose end the entry is
// still active). Whether a record counts for a span of years depends only on those two
// years, so a term over any span is a sum over a few buckets:
//   term_totals  (term_id, y_from, y_to) → records, filled (non-null values), total
//                for count, sum, avg and active;
//   term_values  (term_id, y_from, y_to, value) → records
//                for min, max and count_distinct, which a total cannot answer after a
//                delete.
// Writers add (+1) the buckets of the records they insert and take away (-1) the
// buckets of the records they delete, in the write's own transaction; an update is both.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar/year_range.h"
#include "core/metric/ast.h"
#include "core/register/register.h"
#include "store/aggregate_sql.h"

namespace planscore::store {

// Which records of the register a delta covers.
struct RecordSelection {
  // Every record (building a term's totals from scratch).
  static RecordSelection all() { return {}; }
  // The records with ids first…last (a batch just inserted: ids only grow, and writers
  // take turns, so nothing else lies in between).
  static RecordSelection ids(std::int64_t first, std::int64_t last) {
    return {true, first, last, std::nullopt};
  }
  // One record, only if it is still at `version` (an update or delete names the version
  // it read; at any other version the write changes nothing, and neither does the delta).
  static RecordSelection one(std::int64_t id, std::int64_t version) {
    return {true, id, id, version};
  }

  bool by_id = false;
  std::int64_t first_id = 0;
  std::int64_t last_id = 0;
  std::optional<std::int64_t> version;
};

// Whether the term keeps its values (min, max, count_distinct: term_values) rather than
// totals (term_totals).
bool uses_values_table(const core::metric::Aggregate& term);

// The buckets whose records count for a span of years: y_from and y_to within these.
struct BucketBounds {
  static constexpr std::int64_t kLowest = -99999;
  static constexpr std::int64_t kHighest = 99999;
  std::int64_t from_low = kLowest, from_high = kHighest;
  std::int64_t to_low = kLowest, to_high = kHighest;
  bool contains(std::int64_t y_from, std::int64_t y_to) const {
    return from_low <= y_from && y_from <= from_high && to_low <= y_to && y_to <= to_high;
  }
};
BucketBounds bucket_bounds(const core::RegisterDef& register_def, YearScope scope,
                           core::YearRange years);

// What of a register its terms' buckets depend on: the time basis, time fields and each
// field's id and type, as text. Names, descriptions and defaults are left out, so editing
// them neither rebuilds the totals nor stops a writer that read the plan before the edit.
std::string register_shape(const core::RegisterDef& register_def);

struct MaintainedTerm {
  const core::metric::Aggregate* term = nullptr;
  std::int64_t id = 0;  // maintained_terms.id
};

// The statements (one per bucket table the terms use) adding (`sign` +1) or taking away
// (-1) the selected records' share of the register's maintained `terms`. Throws
// StoreError when a term does not fit the register.
std::vector<CompiledQuery> compile_term_deltas(const core::RegisterDef& register_def,
                                               const std::vector<MaintainedTerm>& terms, int sign,
                                               const RecordSelection& records);

// Removes the buckets that deltas emptied, so a bucket never lives on with a rounding
// residue and min/max never see a deleted value. Partial indexes over `records = 0` find
// them without reading the others.
const std::vector<std::string>& emptied_buckets_cleanup();

// SELECT of a min, max or count_distinct term's value over `years` from its maintained
// values, the term's key bound. It yields no row when the term is not maintained (then
// the caller scans), and one row otherwise, as compile() would: null for min/max over
// nothing, dates as text. (The other terms' totals are summed by MaintainedTotals.)
CompiledQuery compile_values_read(const core::RegisterDef& register_def,
                                  const core::metric::Aggregate& term, core::YearRange years);

}  // namespace planscore::store
