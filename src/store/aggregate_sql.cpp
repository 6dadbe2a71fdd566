#include "store/aggregate_sql.h"

#include "core/calendar/roc.h"
#include "store/identifiers.h"
#include "store/store.h"

namespace planscore::store {
namespace {

using core::metric::AggregateFunction;
using core::metric::Condition;
using core::metric::Literal;

const core::FieldDef& require_field(const core::RegisterDef& register_def,
                                    const std::string& field_id) {
  const core::FieldDef* field = register_def.find_field(field_id);
  if (field == nullptr) {
    throw StoreError("register '" + register_def.id + "' has no field '" + field_id + "'");
  }
  return *field;
}

SqlValue literal_value(const Literal& literal) {
  if (const auto* number = std::get_if<double>(&literal)) return *number;
  if (const auto* text = std::get_if<std::string>(&literal)) return *text;
  return static_cast<std::int64_t>(std::get<bool>(literal) ? 1 : 0);
}

std::string_view operator_sql(core::metric::CompareOp op) {
  switch (op) {
    case core::metric::CompareOp::eq:
      return "=";
    case core::metric::CompareOp::ne:
      return "<>";
    case core::metric::CompareOp::lt:
      return "<";
    case core::metric::CompareOp::le:
      return "<=";
    case core::metric::CompareOp::gt:
      return ">";
    case core::metric::CompareOp::ge:
      return ">=";
  }
  return "=";
}

// The term's aggregate over `argument`: its field's column, or for count(*) "*".
std::string aggregate_expression(const core::metric::Aggregate& term, const std::string& argument) {
  switch (term.function) {
    case AggregateFunction::count:
    case AggregateFunction::active:
      return "COUNT(" + argument + ")";
    case AggregateFunction::sum:
      return "COALESCE(SUM(" + argument + "), 0)";
    case AggregateFunction::avg:
      return "AVG(" + argument + ")";
    case AggregateFunction::min:
      return "MIN(" + argument + ")";
    case AggregateFunction::max:
      return "MAX(" + argument + ")";
    case AggregateFunction::count_distinct:
      return "COUNT(DISTINCT " + argument + ")";
  }
  throw StoreError("unknown aggregate function");
}

std::string counted_column(const core::RegisterDef& register_def,
                           const core::metric::Aggregate& term) {
  const bool counts_records =
      (term.function == AggregateFunction::count || term.function == AggregateFunction::active) &&
      term.field.empty();
  return counts_records ? "*" : value_column(register_def, term);
}

// min/max of a date or text field are read as text (the caller turns dates into numbers).
bool yields_text(const core::RegisterDef& register_def, const core::metric::Aggregate& term) {
  if (term.function != AggregateFunction::min && term.function != AggregateFunction::max) {
    return false;
  }
  return holds_text(register_def, term.field);
}

}  // namespace

std::string condition_sql(const core::RegisterDef& register_def, const Condition& condition,
                          Parameters& parameters) {
  return std::visit(
      [&](const auto& node) -> std::string {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, core::metric::Comparison>) {
          const std::string column = field_column(register_def, node.field);
          const std::string placeholder = parameters.add(literal_value(node.value));
          return column + " " + std::string(operator_sql(node.op)) + " " + placeholder;
        } else if constexpr (std::is_same_v<Node, core::metric::InList>) {
          const std::string column = field_column(register_def, node.field);
          if (node.values.empty()) return "1 = 0";
          std::string placeholders;
          for (const Literal& literal : node.values) {
            if (!placeholders.empty()) placeholders += ", ";
            placeholders += parameters.add(literal_value(literal));
          }
          return column + " IN (" + placeholders + ")";
        } else if constexpr (std::is_same_v<Node, core::metric::Conjunction> ||
                             std::is_same_v<Node, core::metric::Disjunction>) {
          constexpr bool kAnd = std::is_same_v<Node, core::metric::Conjunction>;
          const std::string left = condition_sql(register_def, *node.left, parameters);
          const std::string right = condition_sql(register_def, *node.right, parameters);
          return "(" + left + (kAnd ? ") AND (" : ") OR (") + right + ")";
        } else {
          return "NOT (" + condition_sql(register_def, *node.operand, parameters) + ")";
        }
      },
      condition.node);
}

YearScope scope_of(const core::metric::Aggregate& term) {
  if (term.function == AggregateFunction::active) return YearScope::active;
  return term.to_date ? YearScope::to_date : YearScope::in_year;
}

std::string value_column(const core::RegisterDef& register_def,
                         const core::metric::Aggregate& term) {
  if (term.field.empty()) {
    throw StoreError("this aggregate over '" + register_def.id + "' needs a field");
  }
  return field_column(register_def, term.field);
}

bool holds_text(const core::RegisterDef& register_def, const std::string& field_id) {
  const core::FieldDef& field = require_field(register_def, field_id);
  return !core::holds_number(field.type);
}

std::string year_scope_sql(const core::RegisterDef& register_def, core::YearRange years,
                           YearScope scope, Parameters& parameters) {
  const std::string time = field_column(register_def, register_def.time_field);
  switch (register_def.time_basis) {
    case core::TimeBasis::date: {
      if (scope == YearScope::active) break;
      if (scope == YearScope::to_date) {
        return time + " <= " + parameters.add(core::last_day_iso(years.last));
      }
      const std::string first = parameters.add(core::first_day_iso(years.first));
      const std::string last = parameters.add(core::last_day_iso(years.last));
      return time + " BETWEEN " + first + " AND " + last;
    }
    case core::TimeBasis::year: {
      if (scope == YearScope::active) break;
      if (scope == YearScope::to_date || years.length() == 1) {
        const std::string last = parameters.add(static_cast<std::int64_t>(years.last));
        return time + (scope == YearScope::to_date ? " <= " : " = ") + last;
      }
      const std::string first = parameters.add(static_cast<std::int64_t>(years.first));
      const std::string last = parameters.add(static_cast<std::int64_t>(years.last));
      return time + " BETWEEN " + first + " AND " + last;
    }
    case core::TimeBasis::interval: {
      const std::string started = time + " <= " + parameters.add(core::last_day_iso(years.last));
      if (register_def.end_field.empty() || scope == YearScope::to_date) return started;
      const std::string end = field_column(register_def, register_def.end_field);
      if (scope == YearScope::active) {
        const std::string last = parameters.add(core::last_day_iso(years.last));
        return started + " AND (" + end + " IS NULL OR " + end + " > " + last + ")";
      }
      const std::string first = parameters.add(core::first_day_iso(years.first));
      return started + " AND (" + end + " IS NULL OR " + end + " >= " + first + ")";
    }
    case core::TimeBasis::period: {
      if (scope == YearScope::active) break;
      // A record without an end date is a single day.
      const std::string end = register_def.end_field.empty()
                                  ? time
                                  : "COALESCE(" +
                                        field_column(register_def, register_def.end_field) + ", " +
                                        time + ")";
      // Parameters bind by position: add them in the order they appear in the SQL.
      std::string started;
      if (scope == YearScope::in_year)
        started = time + " >= " + parameters.add(core::first_day_iso(years.first)) + " AND ";
      return started + end + " <= " + parameters.add(core::last_day_iso(years.last));
    }
  }
  throw StoreError("active() needs an interval register; '" + register_def.id + "' is not one");
}

CompiledPass compile(const core::RegisterDef& register_def,
                     const std::vector<const core::metric::Aggregate*>& terms,
                     core::YearRange years) {
  if (terms.empty()) throw StoreError("no aggregate to compute over '" + register_def.id + "'");
  CompiledPass pass;
  Parameters parameters(pass.parameters);
  std::string columns;
  for (const core::metric::Aggregate* term : terms) {
    if (term->register_id != register_def.id || scope_of(*term) != scope_of(*terms.front())) {
      throw StoreError("aggregate '" + term->key() + "' cannot be computed in one pass over '" +
                       register_def.id + "' with '" + terms.front()->key() + "'");
    }
    // Together, each term counts only the records its condition accepts; the others are
    // NULL to it, which every aggregate skips. Parameters bind by position: the columns'
    // come first.
    std::string argument = counted_column(register_def, *term);
    if (term->condition && terms.size() > 1) {
      argument = "CASE WHEN " + condition_sql(register_def, *term->condition, parameters) +
                 " THEN " + (argument == "*" ? "1" : argument) + " END";
    }
    if (!columns.empty()) columns += ", ";
    columns += aggregate_expression(*term, argument);
    pass.text_columns.push_back(yields_text(register_def, *term));
  }
  pass.sql = "SELECT " + columns + " FROM " + table_name(register_def.id) + " WHERE " +
             year_scope_sql(register_def, years, scope_of(*terms.front()), parameters);
  // Alone, its condition narrows the records read (and picks its covering index).
  if (terms.size() == 1 && terms.front()->condition) {
    pass.sql += " AND (" + condition_sql(register_def, *terms.front()->condition, parameters) + ")";
  }
  return pass;
}

CompiledPass compile(const core::RegisterDef& register_def, const core::metric::Aggregate& term,
                     core::YearRange years) {
  return compile(register_def, std::vector<const core::metric::Aggregate*>{&term}, years);
}

CompiledQuery compile_has_records(const core::RegisterDef& register_def, core::YearRange years) {
  CompiledQuery query;
  Parameters parameters(query.parameters);
  // COUNT over a LIMIT 1 subquery stops at the first match and answers with an integer
  // in every dialect (EXISTS yields a boolean in PostgreSQL).
  query.sql = "SELECT COUNT(*) FROM (SELECT 1 FROM " + table_name(register_def.id) + " WHERE " +
              year_scope_sql(register_def, years, YearScope::in_year, parameters) +
              " LIMIT 1) AS probe";
  return query;
}

}  // namespace planscore::store
