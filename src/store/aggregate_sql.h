#pragma once
// Compiles an aggregate term of the metric language into one parameterized SELECT over
// a register's table. Pure: no database, so the SQL text can be tested on its own.
// Every value (condition literals, year bounds) is a bound parameter; only checked
// identifiers (see identifiers.h) appear in the SQL text. Placeholders are SOCI's
// portable ":p1", ":p2" … bound by position.
#include <string>
#include <vector>

#include "core/calendar/year_range.h"
#include "core/metric/ast.h"
#include "core/register/register.h"
#include "store/sql_value.h"

namespace planscore::store {

struct CompiledQuery {
  std::string sql;
  std::vector<SqlValue> parameters;
  // min/max of a date field yield ISO text rather than a number.
  bool result_is_text = false;
};

// Which records of the years a query covers.
enum class YearScope {
  in_year,  // placed in the years (a date in them, one of the years, an interval overlapping
            // them, a period lying inside them)
  to_date,  // placed at or before the end of the last year
  active,   // interval entries active on the last year's last day
};

// SELECT of the terms' values over ROC years `years`, one column each, computed in one
// pass over the register's records placed in those years: when one term reads every
// record of the years anyway, the others cost little more in the same pass than in their
// own query. The terms must all be over `register_def` and of one scope (scope_of).
// Throws StoreError when a term does not fit the register (unknown field, sum without a
// field, active on a register without intervals): the metric checker rejects those
// before they get here.
struct CompiledPass {
  std::string sql;
  std::vector<SqlValue> parameters;
  std::vector<bool> text_columns;  // per term: min/max of a date field yields ISO text
};
CompiledPass compile(const core::RegisterDef& register_def,
                     const std::vector<const core::metric::Aggregate*>& terms,
                     core::YearRange years);
CompiledPass compile(const core::RegisterDef& register_def, const core::metric::Aggregate& term,
                     core::YearRange years);

// The SQL of a `where` condition over the register's columns, its literals added to
// `parameters`.
std::string condition_sql(const core::RegisterDef& register_def,
                          const core::metric::Condition& condition, Parameters& parameters);

// The records a term reads: in the years, up to their end, or active at it.
YearScope scope_of(const core::metric::Aggregate& term);

// The column of the term's field. Throws StoreError when the term has no field.
std::string value_column(const core::RegisterDef& register_def,
                         const core::metric::Aggregate& term);

// Whether the field's values are text (dates included) rather than numbers. Throws
// StoreError when the register has no such field.
bool holds_text(const core::RegisterDef& register_def, const std::string& field_id);

// SELECT of 1 when the register holds a record in the years, of 0 otherwise.
CompiledQuery compile_has_records(const core::RegisterDef& register_def, core::YearRange years);

// The WHERE condition placing the register's records in ROC years `years` by its time
// basis, its bounds added to `parameters`. Aggregates and record listing share it, so a
// record listed under a year is exactly one that year's aggregates count.
std::string year_scope_sql(const core::RegisterDef& register_def, core::YearRange years,
                           YearScope scope, Parameters& parameters);

}  // namespace planscore::store
