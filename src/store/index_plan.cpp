#include "store/index_plan.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdint>

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
  if (!term.field.empty()) add_unique(columns, field_column(register_def, term.field));
  if (term.condition) collect_all_fields(register_def, *term.condition, columns);
  return named_index(table_name(register_def.id), std::move(columns));
}

}  // namespace planscore::store
