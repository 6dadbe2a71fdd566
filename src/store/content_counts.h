#pragma once
// What a database holds, counted the same way in an SQLite file and through a store's
// own connection: `Database` answers integer(sql) and column(sql).
#include <string>

#include "store/identifiers.h"
#include "store/sql_rows.h"
#include "store/store.h"

namespace planscore::store {

template <typename Database>
DatabaseCounts count_contents(Database& database) {
  DatabaseCounts counts;
  counts.schema_version =
      static_cast<int>(database.integer("SELECT MAX(version) FROM schema_migrations"));
  // table_name() re-checks each id: a backup file is outside input.
  for (const std::string& id : database.column("SELECT id FROM registers ORDER BY id")) {
    counts.records[id] = database.integer("SELECT COUNT(*) FROM " + table_name(id));
  }
  counts.plans = database.integer("SELECT COUNT(*) FROM plans");
  counts.manual_values = database.integer("SELECT COUNT(*) FROM manual_values");
  counts.users = database.integer("SELECT COUNT(*) FROM users");
  counts.audit_entries = database.integer("SELECT COUNT(*) FROM audit_log");
  counts.reviews = database.integer("SELECT COUNT(*) FROM reviews");
  counts.comments = database.integer("SELECT COUNT(*) FROM comments");
  counts.evidence_files = database.integer("SELECT COUNT(*) FROM evidence");
  counts.year_locks = database.integer("SELECT COUNT(*) FROM year_locks");
  return counts;
}

// count_contents over a store's own connection.
struct SessionReader {
  soci::session& session;
  std::int64_t integer(const std::string& sql) {
    std::int64_t value = 0;
    for_each_row(session, sql, {}, {ColumnType::integer},
                 [&](const ResultRow& row) { value = row.integer(0); });
    return value;
  }
  std::vector<std::string> column(const std::string& sql) {
    std::vector<std::string> values;
    for_each_row(session, sql, {}, {ColumnType::text},
                 [&](const ResultRow& row) { values.push_back(row.text(0)); });
    return values;
  }
};

}  // namespace planscore::store
