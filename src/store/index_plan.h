#pragma once
// Which indexes let aggregates avoid full scans. A covering index lists the columns
// compared with `=` first (so they narrow to one contiguous range), then the time
// column(s) (a range within it), then the aggregated column and the other condition
// columns (so the query never reads the table). At 10^7 rows a year-and-category sum
// goes from a 0.74 s scan to 16 ms. Terms that read every record of the years share one
// pass and one index instead. Pure: the tests inspect the plan directly.
#include <string>
#include <vector>

#include "core/metric/ast.h"
#include "core/register/register.h"

namespace planscore::store {

struct IndexSpec {
  std::string name;  // deterministic: equal column lists give equal names
  std::string table;
  std::vector<std::string> columns;

  std::string create_sql() const;  // CREATE INDEX IF NOT EXISTS …
};

// The index on the register's time column(s): a new register table gets it, and keeps it
// unless another index leads with the same columns (register_indexes).
IndexSpec time_index(const core::RegisterDef& register_def);

// The covering index for one aggregate term on its own.
IndexSpec covering_index(const core::RegisterDef& register_def,
                         const core::metric::Aggregate& term);

// Whether no `=` narrows the term's records, so that its scan reads every record of the
// years: the other terms of its scope are then computed in the same pass (compile_pass).
bool reads_whole_years(const core::RegisterDef& register_def, const core::metric::Aggregate& term);

// The indexes a register's terms need. Where some term of a scope reads whole years, every
// term of that scope is answered in one pass over one index led by the time columns and
// holding every column they read (one such index for the register); every other term gets
// its own covering index.
std::vector<IndexSpec> aggregate_indexes(const core::RegisterDef& register_def,
                                         const std::vector<const core::metric::Aggregate*>& terms);

// Every index the register's table wants: the aggregate indexes, and the time index unless
// one of those already leads with the time columns. That one serves every query the time
// index would (record lists by year, the year scope of a scan), and each index costs every
// write: sqlite3's own insert of 10^6 records took 1.5× as long with both.
std::vector<IndexSpec> register_indexes(const core::RegisterDef& register_def,
                                        const std::vector<const core::metric::Aggregate*>& terms);

}  // namespace planscore::store
