#include "store/migrations.h"

#include <string>

#include "store/store.h"

namespace planscore::store {

std::vector<Migration> migrations(const Dialect& dialect) {
  const std::string& integer = dialect.integer_type;
  const std::string& real = dialect.real_type;
  const std::string& text = dialect.text_type;
  return {
      {1,
       "plans, registers, manual values",
       {
           "CREATE TABLE plans (id " + text + " PRIMARY KEY, name " + text +
               " NOT NULL, document " + text + " NOT NULL, version " + integer +
               " NOT NULL, is_current " + integer + " NOT NULL DEFAULT 0, updated_at " + text +
               " NOT NULL)",
           "CREATE TABLE registers (id " + text + " PRIMARY KEY, definition " + text + " NOT NULL)",
           "CREATE TABLE manual_values (plan_id " + text + " NOT NULL, indicator_id " + text +
               " NOT NULL, year " + integer + " NOT NULL, value " + real + " NOT NULL, note " +
               text + " NOT NULL DEFAULT '', PRIMARY KEY (plan_id, indicator_id, year))",
       }},
  };
}

namespace {

int applied_version(soci::session& session) {
  session << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)";
  int version = 0;
  soci::indicator present = soci::i_null;
  session << "SELECT MAX(version) FROM schema_migrations", soci::into(version, present);
  return present == soci::i_ok ? version : 0;
}

}  // namespace

int run_migrations(soci::session& session, const Dialect& dialect) {
  const int seen = applied_version(session);
  int ran = 0;
  for (const Migration& migration : migrations(dialect)) {
    if (migration.version <= seen) continue;
    try {
      session << dialect.begin_transaction;
      // Another process may have migrated between our read and our write lock.
      if (applied_version(session) >= migration.version) {
        session << "COMMIT";
        continue;
      }
      for (const std::string& statement : migration.statements) session << statement;
      session << "INSERT INTO schema_migrations (version) VALUES (:version)",
          soci::use(migration.version);
      session << "COMMIT";
    } catch (const std::exception& error) {
      try {
        session << "ROLLBACK";
      } catch (const std::exception&) {
        // The original error is the one worth reporting.
      }
      throw StoreError("migration " + std::to_string(migration.version) + " (" +
                       migration.description + ") failed: " + error.what());
    }
    ++ran;
  }
  return ran;
}

}  // namespace planscore::store
