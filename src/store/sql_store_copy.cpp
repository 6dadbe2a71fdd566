// SqlStore::copy_from: moving an agency's database between backends (`planscore db copy`).
// Rows travel as text, which both databases turn back into the column's type, except
// evidence bytes, which travel as bytes. Register tables are made from the register
// definitions, so they get this backend's column types and indexes.
#include <optional>
#include <regex>
#include <variant>

#include "store/identifiers.h"
#include "store/postgresql_copy.h"
#include "store/sql_rows.h"
#include "store/sql_store.h"
#include "store/sql_store_support.h"

namespace planscore::store {
namespace {

// The tables outside the registers, in an order that satisfies their references.
// (registers and evidence are copied their own way; schema_migrations and data_version
// are this database's own; the maintained terms' totals are built again from the copied
// records, which is exact where copying sums as text might not be.)
const std::vector<std::string>& plain_tables() {
  static const std::vector<std::string> tables = {
      "plans",     "manual_values", "users",    "sessions",   "login_failures",
      "audit_log", "reviews",       "comments", "year_locks", "maintained_terms",
  };
  return tables;
}

// Tables whose ids come from a counter that must carry over.
const std::vector<std::string>& serial_tables() {
  static const std::vector<std::string> tables = {"users", "audit_log", "comments", "evidence",
                                                  "maintained_terms"};
  return tables;
}

// The statement's parameters in the order its placeholders appear.
std::vector<SqlValue> named_parameters(const std::string& sql, const std::string& table,
                                       std::int64_t value) {
  static const std::regex placeholder(":(table_name|value)\\b");
  std::vector<SqlValue> parameters;
  for (auto it = std::sregex_iterator(sql.begin(), sql.end(), placeholder);
       it != std::sregex_iterator(); ++it) {
    if ((*it)[1] == "table_name") {
      parameters.emplace_back(table);
    } else {
      parameters.emplace_back(value);
    }
  }
  return parameters;
}

}  // namespace

std::int64_t SqlStore::id_counter(const std::string& table) {
  std::int64_t value = 0;
  for_each_row(session_, dialect_.id_counter_sql,
               named_parameters(dialect_.id_counter_sql, table, 0), {ColumnType::integer},
               [&](const ResultRow& row) { value = row.integer(0); });
  return value;
}

void SqlStore::set_id_counter(const std::string& table, std::int64_t value) {
  for (const std::string& sql : dialect_.set_id_counter_sql) {
    if (sql.rfind("SELECT", 0) == 0) {
      for_each_row(session_, sql, named_parameters(sql, table, value), {ColumnType::integer},
                   [](const ResultRow&) {});
    } else {
      execute(session_, sql, named_parameters(sql, table, value));
    }
  }
}

void SqlStore::copy_table_rows(SqlStore& source, const std::string& table) {
  std::vector<std::string> columns;
  for_each_row(source.session_, source.dialect_.column_names_sql, {table}, {ColumnType::text},
               [&](const ResultRow& row) { columns.push_back(row.text(0)); });
  if (columns.empty()) throw StoreError("table '" + table + "' is missing in the source");
  std::string names;
  std::string placeholders;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    names += (i ? ", " : "") + columns[i];
    placeholders += (i ? ", :p" : ":p") + std::to_string(i + 1);
  }
  const std::vector<ColumnType> as_text(columns.size(), ColumnType::text);
  const std::string select = "SELECT " + names + " FROM " + table;
  // Each row goes in as it is read, so a register of 10^7 records never sits in memory.
  if (dialect_.copy_in) {
    CopyIn copy(postgresql_connection(session_), table, columns);
    for_each_row(source.session_, select, {}, as_text, [&](const ResultRow& row) {
      for (std::size_t i = 0; i < columns.size(); ++i) copy.add(row.value(i));
      copy.end_row();
    });
    copy.finish();
    return;
  }
  const std::string insert =
      "INSERT INTO " + table + " (" + names + ") VALUES (" + placeholders + ")";
  // Rows without nulls share one prepared INSERT; SOCI binds a type to each placeholder
  // and a null has none, so a row with nulls is sent on its own.
  std::optional<PreparedStatement> prepared;
  for_each_row(source.session_, select, {}, as_text, [&](const ResultRow& row) {
    std::vector<SqlValue> values;
    values.reserve(columns.size());
    bool has_null = false;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      values.push_back(row.value(i));
      has_null = has_null || std::holds_alternative<std::monostate>(values.back());
    }
    if (has_null) {
      execute(session_, insert, std::move(values));
      return;
    }
    if (!prepared) prepared.emplace(session_, insert, values);
    if (!prepared->run(std::move(values))) {
      throw StoreError("a row of '" + table + "' changed its column types");
    }
  });
}

void SqlStore::copy_from(Store& source_store) {
  auto* source = dynamic_cast<SqlStore*>(&source_store);
  if (source == nullptr) throw StoreError("copying needs two SQL databases");
  if (in_transaction_ || source->in_transaction_) {
    throw StoreError("cannot copy inside an open transaction");
  }
  guarded(description_, "copying " + source->description_ + " into it", [&] {
    guarded(source->description_, "opening a read snapshot",
            [&] { source->session_ << source->dialect_.begin_snapshot; });
    try {
      WriteScope scope(*this);
      std::vector<core::RegisterDef> registers;
      for (auto& [id, definition] : source->stored_registers()) registers.push_back(definition);
      const core::Problems problems = apply_registers(registers);
      if (!problems.empty()) throw StoreError("the source's registers: " + problems[0].message);
      for (const std::string& table : plain_tables()) copy_table_rows(*source, table);
      for (const core::RegisterDef& definition : registers) {
        copy_table_rows(*source, table_name(definition.id));
      }
      rebuild_maintained_terms();
      std::vector<std::int64_t> evidence_ids;
      for_each_row(source->session_, "SELECT id FROM evidence ORDER BY id", {},
                   {ColumnType::integer},
                   [&](const ResultRow& row) { evidence_ids.push_back(row.integer(0)); });
      for (const std::int64_t id : evidence_ids) insert_evidence(*source->find_evidence(id), true);
      for (const std::string& table : serial_tables()) {
        set_id_counter(table, source->id_counter(table));
      }
      for (const core::RegisterDef& definition : registers) {
        const std::string table = table_name(definition.id);
        set_id_counter(table, source->id_counter(table));
      }
      execute(session_, "UPDATE data_version SET value = :p1", {source->data_version()});
      scope.commit();
    } catch (...) {
      source->session_ << "ROLLBACK";
      throw;
    }
    source->session_ << "COMMIT";
  });
}

}  // namespace planscore::store
