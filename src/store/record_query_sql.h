#pragma once
// Compiles a RecordQuery (filters, year, sort, page) into parameterized SELECTs over a
// register's table. Pure, like aggregate_sql: every value is bound, only checked
// identifiers reach the SQL text.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/register/register.h"
#include "store/rows.h"
#include "store/sql_value.h"

namespace planscore::store {

struct CompiledSql {
  std::string sql;
  std::vector<SqlValue> parameters;
};

struct CompiledRecordQuery {
  std::string count_sql;  // COUNT(*) of the matching records
  std::vector<SqlValue> count_parameters;
  std::string page_sql;  // the page's records: record_columns(), in the query's order
  std::vector<SqlValue> page_parameters;
};

// `contains` is LIKE with the text's wildcards escaped, ignoring the case of ASCII letters
// (what someone searching a list expects) in both databases. `ne` also matches records
// that leave the field empty.
// Throws StoreError for a field the register lacks, or a filter no SQL can express
// (`contains` with a non-text value, an ordering against nothing).
CompiledRecordQuery compile_record_query(const core::RegisterDef& register_def,
                                         const RecordQuery& query);

// The SELECT behind Store::records_after: selected records above an id, in id order.
CompiledSql compile_records_after(const core::RegisterDef& register_def, const RecordScope& scope,
                                  std::int64_t after_id, std::int64_t limit);

// "id, version, f_<field>, …" in the register's field order: how records are selected.
std::string record_columns(const core::RegisterDef& register_def);

}  // namespace planscore::store
