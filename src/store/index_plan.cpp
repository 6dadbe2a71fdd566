#include "store/index_plan.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdint>
#include <set>

#include "store/aggregate_sql.h"
#include "store/identifiers.h"

namespace planscore::store {
namespace {

using core::metric::Condition;

void add_unique(std::vector<std::string>& columns, const std::string& column) {
  if (std::find(columns.begin(), columns.end(), column) == columns.end()) {
    columns.push_back(column);
  }
}

std::vector<std::string> time_columns(const core::RegisterDef& register_def) {
  std::vector<std::string> columns{field_column(register_def, register_def.time_field)};
  if (!register_def.end_field.empty()) {
    columns.push_back(field_column(register_def, register_def.end_field));
  }
  return columns;
}

// Fields compared with `=` along the top-level AND chain: every record the query reads
// has one value for each, so they lead the index.
void collect_equalities(const core::RegisterDef& register_def, const Condition& condition,
                        std::vector<std::string>& columns) {
  if (const auto* both = std::get_if<core::metric::Conjunction>(&condition.node)) {
    collect_equalities(register_def, *both->left, columns);
    collect_equalities(register_def, *both->right, columns);
  } else if (const auto* comparison = std::get_if<core::metric::Comparison>(&condition.node)) {
    if (comparison->op == core::metric::CompareOp::eq) {
      add_unique(columns, field_column(register_def, comparison->field));
    }
  }
}

void collect_all_fields(const core::RegisterDef& register_def, const Condition& condition,
                        std::vector<std::string>& columns) {
  std::visit(
      [&](const auto& node) {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, core::metric::Comparison> ||
                      std::is_same_v<Node, core::metric::InList>) {
          add_unique(columns, field_column(register_def, node.field));
        } else if constexpr (std::is_same_v<Node, core::metric::Negation>) {
          collect_all_fields(register_def, *node.operand, columns);
        } else {
          collect_all_fields(register_def, *node.left, columns);
          collect_all_fields(register_def, *node.right, columns);
        }
      },
      condition.node);
}

// The term's field, then every field its condition reads.
void add_term_columns(const core::RegisterDef& register_def, const core::metric::Aggregate& term,
                      std::vector<std::string>& columns) {
  if (!term.field.empty()) add_unique(columns, field_column(register_def, term.field));
  if (term.condition) collect_all_fields(register_def, *term.condition, columns);
}

// FNV-1a: stable across builds and platforms, unlike std::hash.
std::uint32_t stable_hash(const std::string& text) {
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 16777619u;
  }
  return hash;
}

IndexSpec named_index(std::string table, std::vector<std::string> columns) {
  std::string joined;
  for (const std::string& column : columns) joined += column + ",";
  IndexSpec spec;
  spec.name = fmt::format("ix_{}_{:08x}", table, stable_hash(joined));
  spec.table = std::move(table);
  spec.columns = std::move(columns);
  return spec;
}

}  // namespace

std::string IndexSpec::create_sql() const {
  return fmt::format("CREATE INDEX IF NOT EXISTS {} ON {} ({})", name, table,
                     fmt::join(columns, ", "));
}

IndexSpec time_index(const core::RegisterDef& register_def) {
  return named_index(table_name(register_def.id), time_columns(register_def));
}

IndexSpec covering_index(const core::RegisterDef& register_def,
                         const core::metric::Aggregate& term) {
  std::vector<std::string> columns;
  if (term.condition) collect_equalities(register_def, *term.condition, columns);
  for (const std::string& column : time_columns(register_def)) add_unique(columns, column);
  add_term_columns(register_def, term, columns);
  return named_index(table_name(register_def.id), std::move(columns));
}

bool reads_whole_years(const core::RegisterDef& register_def, const core::metric::Aggregate& term) {
  std::vector<std::string> equalities;
  if (term.condition) collect_equalities(register_def, *term.condition, equalities);
  return equalities.empty();
}

std::vector<IndexSpec> aggregate_indexes(const core::RegisterDef& register_def,
                                         const std::vector<const core::metric::Aggregate*>& terms) {
  std::set<YearScope> one_pass_scopes;
  for (const core::metric::Aggregate* term : terms) {
    if (reads_whole_years(register_def, *term)) one_pass_scopes.insert(scope_of(*term));
  }
  std::vector<IndexSpec> indexes;
  std::vector<std::string> one_pass_columns = time_columns(register_def);
  for (const core::metric::Aggregate* term : terms) {
    if (one_pass_scopes.count(scope_of(*term)) != 0) {
      add_term_columns(register_def, *term, one_pass_columns);
      continue;
    }
    IndexSpec own = covering_index(register_def, *term);
    const bool known = std::any_of(indexes.begin(), indexes.end(),
                                   [&](const IndexSpec& index) { return index.name == own.name; });
    if (!known) indexes.push_back(std::move(own));
  }
  // Led by the time columns alone it would be the time index again.
  if (one_pass_columns.size() > time_columns(register_def).size()) {
    indexes.push_back(named_index(table_name(register_def.id), std::move(one_pass_columns)));
  }
  return indexes;
}

std::vector<IndexSpec> register_indexes(const core::RegisterDef& register_def,
                                        const std::vector<const core::metric::Aggregate*>& terms) {
  std::vector<IndexSpec> indexes = aggregate_indexes(register_def, terms);
  const std::vector<std::string> time = time_columns(register_def);
  const bool led_by_time = std::any_of(indexes.begin(), indexes.end(), [&](const IndexSpec& index) {
    return index.columns.size() >= time.size() &&
           std::equal(time.begin(), time.end(), index.columns.begin());
  });
  if (!led_by_time) indexes.insert(indexes.begin(), time_index(register_def));
  return indexes;
}

}  // namespace planscore::store
