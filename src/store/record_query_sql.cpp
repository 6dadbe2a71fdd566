#include "store/record_query_sql.h"

#include <algorithm>

#include "store/aggregate_sql.h"
#include "store/identifiers.h"
#include "store/store.h"

namespace planscore::store {
namespace {

constexpr char kLikeEscape = '\\';

// `contains` is a LIKE pattern, so the text's own wildcards must match only themselves.
// ASCII letters are lowered here and in the column (LOWER), which both databases do
// alike; other characters compare as they are.
std::string like_pattern(const std::string& text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == kLikeEscape) pattern += kLikeEscape;
    pattern += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return pattern + "%";
}

std::string comparison_operator(FilterOp op) {
  switch (op) {
    case FilterOp::eq:
      return "=";
    case FilterOp::ne:
      return "<>";
    case FilterOp::lt:
      return "<";
    case FilterOp::le:
      return "<=";
    case FilterOp::gt:
      return ">";
    case FilterOp::ge:
      return ">=";
    case FilterOp::contains:
      break;
  }
  throw StoreError("contains is not a comparison");
}

std::string filter_sql(const core::RegisterDef& register_def, const RecordFilter& filter,
                       Parameters& parameters) {
  const std::string column = field_column(register_def, filter.field_id);
  const bool is_null = std::holds_alternative<std::monostate>(filter.value);
  if (filter.op == FilterOp::contains) {
    const auto* text = std::get_if<std::string>(&filter.value);
    if (text == nullptr) {
      throw StoreError("filter on '" + filter.field_id + "': contains needs text");
    }
    // Numbers are searched as the digits they print as.
    const core::FieldType type = register_def.find_field(filter.field_id)->type;
    const bool numeric = core::holds_number(type);
    const std::string searched = numeric ? "CAST(" + column + " AS TEXT)" : column;
    return "LOWER(" + searched + ") LIKE " + parameters.add(like_pattern(*text)) + " ESCAPE '" +
           kLikeEscape + "'";
  }
  if (is_null) {
    if (filter.op == FilterOp::eq) return column + " IS NULL";
    if (filter.op == FilterOp::ne) return column + " IS NOT NULL";
    throw StoreError("filter on '" + filter.field_id + "' orders against no value");
  }
  const std::string placeholder = parameters.add(filter.value);
  const std::string comparison = column + " " + comparison_operator(filter.op) + " " + placeholder;
  // "Not X" includes the records that leave the field empty, as a person reading the
  // list would expect (SQL alone would drop them: NULL <> X is not true).
  if (filter.op == FilterOp::ne) return "(" + comparison + " OR " + column + " IS NULL)";
  return comparison;
}

std::string order_sql(const core::RegisterDef& register_def, const RecordQuery& query) {
  const std::string direction = query.descending ? " DESC" : " ASC";
  if (query.sort_field.empty()) return "id" + direction;
  const std::string column = field_column(register_def, query.sort_field);
  // Empty values last in both directions (SQLite and PostgreSQL disagree on where NULL
  // sorts); equal values in id order, so pages never overlap or skip.
  return "(" + column + " IS NULL), " + column + direction + ", id" + direction;
}

}  // namespace

std::string record_columns(const core::RegisterDef& register_def) {
  std::string columns = "id, version";
  for (const core::FieldDef& field : register_def.fields) columns += ", " + column_name(field.id);
  return columns;
}

CompiledRecordQuery compile_record_query(const core::RegisterDef& register_def,
                                         const RecordQuery& query) {
  CompiledRecordQuery compiled;
  Parameters parameters(compiled.count_parameters);
  std::string where;
  const auto add_condition = [&](const std::string& condition) {
    where += (where.empty() ? " WHERE (" : " AND (") + condition + ")";
  };
  for (const RecordFilter& filter : query.filters) {
    add_condition(filter_sql(register_def, filter, parameters));
  }
  if (query.year) {
    add_condition(year_scope_sql(register_def, *query.year, YearScope::in_year, parameters));
  }
  const std::string table = table_name(register_def.id);
  compiled.count_sql = "SELECT COUNT(*) FROM " + table + where;

  compiled.page_parameters = compiled.count_parameters;
  Parameters page(compiled.page_parameters);
  const std::string limit = page.add(std::max<std::int64_t>(query.limit, 0));
  const std::string offset = page.add(std::max<std::int64_t>(query.offset, 0));
  compiled.page_sql = "SELECT " + record_columns(register_def) + " FROM " + table + where +
                      " ORDER BY " + order_sql(register_def, query) + " LIMIT " + limit +
                      " OFFSET " + offset;
  return compiled;
}

CompiledSql compile_records_after(const core::RegisterDef& register_def, const RecordScope& scope,
                                  std::int64_t after_id, std::int64_t limit) {
  CompiledSql compiled;
  Parameters parameters(compiled.parameters);
  std::string where = " WHERE id > " + parameters.add(after_id);
  for (const RecordFilter& filter : scope.filters)
    where += " AND (" + filter_sql(register_def, filter, parameters) + ")";
  if (scope.year)
    where +=
        " AND (" + year_scope_sql(register_def, *scope.year, YearScope::in_year, parameters) + ")";
  compiled.sql = "SELECT " + record_columns(register_def) + " FROM " + table_name(register_def.id) +
                 where + " ORDER BY id LIMIT " + parameters.add(std::max<std::int64_t>(limit, 0));
  return compiled;
}

}  // namespace planscore::store
