#include "store/term_totals_sql.h"

#include "core/metric/ast.h"
#include "store/identifiers.h"
#include "store/store.h"

namespace planscore::store {
namespace {

using core::metric::AggregateFunction;

// A bucket year that no span reaches: the end of an interval with no end date.
constexpr std::int64_t kOpenEnd = 9999;

// The ROC year of an ISO date column ('2015-03-15' → 104); null stays null.
std::string roc_year_of(const std::string& column) {
  return "(CAST(SUBSTR(" + column + ", 1, 4) AS INTEGER) - 1911)";
}

struct BucketYears {
  std::string from;
  std::string to;
};

BucketYears bucket_years(const core::RegisterDef& register_def, YearScope scope) {
  const std::string time = field_column(register_def, register_def.time_field);
  const std::string end =
      register_def.end_field.empty() ? "" : field_column(register_def, register_def.end_field);
  switch (register_def.time_basis) {
    case core::TimeBasis::date:
      if (scope == YearScope::active) break;
      return {roc_year_of(time), roc_year_of(time)};
    case core::TimeBasis::year:
      if (scope == YearScope::active) break;
      return {time, time};
    case core::TimeBasis::interval: {
      const std::string open = std::to_string(kOpenEnd);
      if (end.empty()) return {roc_year_of(time), open};
      // Active at the end of year Y means ending after 12-31 of Y: the last such Y is the
      // year before the end date's.
      const std::string last_year =
          scope == YearScope::active ? roc_year_of(end) + " - 1" : roc_year_of(end);
      return {roc_year_of(time), "COALESCE(" + last_year + ", " + open + ")"};
    }
    case core::TimeBasis::period:
      if (scope == YearScope::active) break;
      if (end.empty()) return {roc_year_of(time), roc_year_of(time)};
      return {roc_year_of(time), roc_year_of("COALESCE(" + end + ", " + time + ")")};
  }
  throw StoreError("active() needs an interval register; '" + register_def.id + "' is not one");
}

// The inner SELECT's WHERE: records placed somewhere in time, matching the term's
// condition.
std::string picked_records_sql(const core::RegisterDef& register_def,
                               const core::metric::Aggregate& term, Parameters& parameters) {
  std::string where = field_column(register_def, register_def.time_field) + " IS NOT NULL";
  if (uses_values_table(term)) where += " AND " + value_column(register_def, term) + " IS NOT NULL";
  if (term.condition) {
    where += " AND (" + condition_sql(register_def, *term.condition, parameters) + ")";
  }
  return where;
}

}  // namespace

bool uses_values_table(const core::metric::Aggregate& term) {
  return term.function == AggregateFunction::min || term.function == AggregateFunction::max ||
         term.function == AggregateFunction::count_distinct;
}

// The buckets whose records count for `years`, mirroring year_scope_sql().
BucketBounds bucket_bounds(const core::RegisterDef& register_def, YearScope scope,
                           core::YearRange years) {
  BucketBounds bounds;
  const std::int64_t first = years.first;
  const std::int64_t last = years.last;
  switch (register_def.time_basis) {
    case core::TimeBasis::date:
    case core::TimeBasis::year:
      bounds.from_high = last;
      if (scope == YearScope::in_year) bounds.from_low = first;
      break;
    case core::TimeBasis::interval:
      bounds.from_high = last;
      if (scope == YearScope::in_year) bounds.to_low = first;
      if (scope == YearScope::active) bounds.to_low = last;
      break;
    case core::TimeBasis::period:
      bounds.to_high = last;
      if (scope == YearScope::in_year) bounds.from_low = first;
      break;
  }
  return bounds;
}

std::string register_shape(const core::RegisterDef& register_def) {
  std::string shape = register_def.id + "|" +
                      std::string(core::to_string(register_def.time_basis)) + "|" +
                      register_def.time_field + "|" + register_def.end_field;
  for (const core::FieldDef& field : register_def.fields) {
    shape += "|" + field.id + ":" + std::string(core::to_string(field.type));
  }
  return shape;
}

std::vector<CompiledQuery> compile_term_deltas(const core::RegisterDef& register_def,
                                               const std::vector<MaintainedTerm>& terms, int sign,
                                               const RecordSelection& records) {
  const std::string negate = sign < 0 ? "-" : "";
  std::vector<CompiledQuery> statements;
  for (const bool values : {false, true}) {
    CompiledQuery query;
    Parameters parameters(query.parameters);
    // Selected records are picked by id first, apart from the rest of the query:
    // otherwise a planner may prefer an index on a condition's columns and read every
    // record matching it, making a one-record write cost as much as the register is large.
    // Parameters bind by position: the WITH's come first, as in the SQL.
    std::string source = table_name(register_def.id);
    if (records.by_id) {
      const std::string first = parameters.add(records.first_id);
      const std::string last = parameters.add(records.last_id);
      std::string chosen = "id BETWEEN " + first + " AND " + last;
      if (records.version) chosen += " AND version = " + parameters.add(*records.version);
      query.sql =
          "WITH chosen AS MATERIALIZED (SELECT * FROM " + source + " WHERE " + chosen + ") ";
      source = "chosen";
    }
    // One SELECT per term, grouped by bucket; each names its own term, so no two rows of
    // the union meet the same bucket.
    std::string deltas;
    for (const MaintainedTerm& maintained : terms) {
      const core::metric::Aggregate& term = *maintained.term;
      if (uses_values_table(term) != values) continue;
      const BucketYears years = bucket_years(register_def, scope_of(term));
      if (!deltas.empty()) deltas += " UNION ALL ";
      const std::string id = parameters.add(maintained.id);
      if (values) {
        const std::string column = value_column(register_def, term);
        const bool text = holds_text(register_def, term.field);
        deltas += "SELECT CAST(" + id +
                  " AS BIGINT) AS term_id, y_from, y_to, value_text, value_num, " + negate +
                  "COUNT(*) AS records FROM (SELECT " + years.from + " AS y_from, " + years.to +
                  " AS y_to, " + (text ? column : "''") + " AS value_text, " +
                  (text ? "0" : column) + " AS value_num FROM " + source + " WHERE " +
                  picked_records_sql(register_def, term, parameters) +
                  ") AS picked GROUP BY y_from, y_to, value_text, value_num";
        continue;
      }
      // A count without a field counts records; only sum and avg need a total (and a
      // text field has none).
      const std::string value = term.field.empty() ? "0" : value_column(register_def, term);
      const bool totals =
          term.function == AggregateFunction::sum || term.function == AggregateFunction::avg;
      deltas += "SELECT CAST(" + id + " AS BIGINT) AS term_id, y_from, y_to, " + negate +
                "COUNT(*) AS records, " + negate + "COUNT(value) AS filled, " +
                (totals ? negate + "COALESCE(SUM(value), 0)" : "0") + " AS total FROM (SELECT " +
                years.from + " AS y_from, " + years.to + " AS y_to, " + value + " AS value FROM " +
                source + " WHERE " + picked_records_sql(register_def, term, parameters) +
                ") AS picked GROUP BY y_from, y_to";
    }
    if (deltas.empty()) continue;
    // `WHERE 1 = 1` tells SQLite's parser that ON CONFLICT is not a join's ON.
    query.sql += values
                     ? "INSERT INTO term_values (term_id, y_from, y_to, value_text, value_num, "
                       "records) SELECT * FROM (" +
                           deltas +
                           ") AS deltas WHERE 1 = 1 "
                           "ON CONFLICT (term_id, y_from, y_to, value_text, value_num) DO UPDATE "
                           "SET records = term_values.records + excluded.records"
                     : "INSERT INTO term_totals (term_id, y_from, y_to, records, filled, total) "
                       "SELECT * FROM (" +
                           deltas +
                           ") AS deltas WHERE 1 = 1 "
                           "ON CONFLICT (term_id, y_from, y_to) DO UPDATE SET "
                           "records = term_totals.records + excluded.records, "
                           "filled = term_totals.filled + excluded.filled, "
                           "total = term_totals.total + excluded.total";
    statements.push_back(std::move(query));
  }
  return statements;
}

const std::vector<std::string>& emptied_buckets_cleanup() {
  static const std::vector<std::string> statements = {
      "DELETE FROM term_totals WHERE records = 0",
      "DELETE FROM term_values WHERE records = 0",
  };
  return statements;
}

CompiledQuery compile_values_read(const core::RegisterDef& register_def,
                                  const core::metric::Aggregate& term, core::YearRange years) {
  if (!uses_values_table(term)) {
    throw StoreError("aggregate '" + term.key() + "' is not kept as values");
  }
  const YearScope scope = scope_of(term);
  const BucketBounds bounds = bucket_bounds(register_def, scope, years);
  const bool text = holds_text(register_def, term.field);
  const std::string value = text ? "b.value_text" : "b.value_num";
  std::string select;
  switch (term.function) {
    case AggregateFunction::min:
      select = "MIN(" + value + ")";
      break;
    case AggregateFunction::max:
      select = "MAX(" + value + ")";
      break;
    default:  // count_distinct
      select = "COUNT(DISTINCT " + value + ")";
      break;
  }
  CompiledQuery query;
  Parameters parameters(query.parameters);
  const std::string from_low = parameters.add(bounds.from_low);
  const std::string from_high = parameters.add(bounds.from_high);
  const std::string to_low = parameters.add(bounds.to_low);
  const std::string to_high = parameters.add(bounds.to_high);
  const std::string key = parameters.add(term.key());
  query.sql = "SELECT " + select + " FROM maintained_terms t LEFT JOIN term_values b ON " +
              "b.term_id = t.id AND b.y_from BETWEEN " + from_low + " AND " + from_high +
              " AND b.y_to BETWEEN " + to_low + " AND " + to_high + " WHERE t.term_key = " + key +
              " GROUP BY t.id";
  query.result_is_text = text && term.function != AggregateFunction::count_distinct;
  return query;
}

}  // namespace planscore::store
