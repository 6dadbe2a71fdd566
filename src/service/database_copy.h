#pragma once
// Moving an agency's database to another backend (SQLite → PostgreSQL, or back): the
// store copies, this layer checks the copy against the original by reading both back.
#include <cstdint>

#include "store/store.h"

namespace planscore::service {

struct CopyReport {
  store::DatabaseCounts counts;     // what both databases hold, counted in each
  std::int64_t audit_entries = 0;   // compared entry by entry
  std::int64_t evidence_files = 0;  // compared byte by byte
  int evaluated_years = 0;          // evaluations compared, every indicator of every year
};

// Copies `source` into `target`, which must hold nothing yet (Failure(conflict)
// otherwise), then checks that record counts, the audit trail, every evidence file and
// every plan year's evaluation are equal on both sides. Throws std::runtime_error naming
// the first difference; the target then holds the copy for someone to look at.
CopyReport copy_database(store::Store& source, store::Store& target);

}  // namespace planscore::service
