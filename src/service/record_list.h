#pragma once
// A record list request as the front doors pass it on, checked against the register and
// turned into the store's query. Apart from records.cpp so the checking (which decides
// what reaches the SQL builder) can be tested and fuzzed without a database.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/plan/plan.h"
#include "store/rows.h"

namespace planscore::service {

// The deepest page a list goes to: an offset costs as much as reading the records before
// it. The whole register comes from the register export (register_export.h).
inline constexpr std::int64_t kMaxRecordListOffset = 100000;

// A list request as people write it: filters as (field, operator, text) with operators
// eq ne lt le gt ge contains, sort as a field id (or "id") with an optional leading '-' for
// descending; empty sorts newest first (by the register's time field, else by id).
struct RecordListRequest {
  struct Filter {
    std::string field;
    std::string op = "eq";
    std::string value;
  };
  std::vector<Filter> filters;
  std::optional<int> year;
  std::string sort;
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

// The query over `reg` (one of the plan's registers): filter values parsed for their
// field's type, so "104/03/15" finds 2015-03-15. Throws Failure(invalid) naming every bad
// filter, sort key or paging value.
store::RecordQuery record_list_query(const core::Plan& plan, const core::RegisterDef& reg,
                                     const RecordListRequest& request);

}  // namespace planscore::service
