#include "store/migrations.h"

#include <string>

#include "store/store.h"

namespace planscore::store {
namespace {

std::vector<std::string> accounts_and_review(const Dialect& dialect) {
  const std::string& integer = dialect.integer_type;
  const std::string& text = dialect.text_type;
  const std::string& blob = dialect.blob_type;
  const std::string& id = dialect.serial_id_column;
  std::vector<std::string> statements = {
      "CREATE TABLE users (" + id + ", username " + text + " NOT NULL UNIQUE, display_name " +
          text + " NOT NULL, password_hash " + text + " NOT NULL, role " + text +
          " NOT NULL, section_id " + text + " NOT NULL DEFAULT '', active " + integer +
          " NOT NULL DEFAULT 1, version " + integer + " NOT NULL DEFAULT 1, created_at " + text +
          " NOT NULL, password_changed_at " + text + " NOT NULL DEFAULT '')",
      "CREATE TABLE sessions (token_hash " + text + " PRIMARY KEY, user_id " + integer +
          " NOT NULL REFERENCES users (id), csrf_token " + text + " NOT NULL, created_at " + text +
          " NOT NULL, last_seen_at " + text + " NOT NULL, address " + text +
          " NOT NULL DEFAULT '')",
      "CREATE INDEX sessions_by_user ON sessions (user_id)",
      "CREATE TABLE login_failures (key " + text + " PRIMARY KEY, count " + integer +
          " NOT NULL, last_failure_at " + text + " NOT NULL)",
      "CREATE TABLE audit_log (" + id + ", at " + text + " NOT NULL, user_id " + integer +
          " NOT NULL, username " + text + " NOT NULL, action " + text + " NOT NULL, object_type " +
          text + " NOT NULL, object_id " + text + " NOT NULL, before " + text +
          " NOT NULL DEFAULT '', after " + text + " NOT NULL DEFAULT '', reason " + text +
          " NOT NULL DEFAULT '')",
      "CREATE INDEX audit_log_by_object ON audit_log (object_type, object_id)",
      "CREATE INDEX audit_log_by_user ON audit_log (user_id)",
      "CREATE INDEX audit_log_by_time ON audit_log (at)",
      "CREATE TABLE reviews (plan_id " + text + " NOT NULL, indicator_id " + text +
          " NOT NULL, year " + integer + " NOT NULL, state " + text + " NOT NULL, explanation " +
          text + " NOT NULL DEFAULT '', version " + integer + " NOT NULL, updated_at " + text +
          " NOT NULL, updated_by " + integer +
          " NOT NULL, PRIMARY KEY (plan_id, indicator_id, year))",
      "CREATE TABLE comments (" + id + ", plan_id " + text + " NOT NULL, indicator_id " + text +
          " NOT NULL, year " + integer + " NOT NULL, user_id " + integer + " NOT NULL, username " +
          text + " NOT NULL, body " + text + " NOT NULL, created_at " + text + " NOT NULL)",
      "CREATE INDEX comments_by_indicator ON comments (plan_id, indicator_id, year)",
      "CREATE TABLE evidence (" + id + ", plan_id " + text + " NOT NULL, indicator_id " + text +
          " NOT NULL, year " + integer + " NOT NULL, file_name " + text +
          " NOT NULL, content_type " + text + " NOT NULL, size " + integer + " NOT NULL, sha256 " +
          text + " NOT NULL, content " + blob + " NOT NULL, uploaded_by " + integer +
          " NOT NULL, uploaded_at " + text + " NOT NULL)",
      "CREATE INDEX evidence_by_indicator ON evidence (plan_id, indicator_id, year)",
      "CREATE TABLE year_locks (plan_id " + text + " NOT NULL, year " + integer +
          " NOT NULL, locked_at " + text + " NOT NULL, locked_by " + integer +
          " NOT NULL, PRIMARY KEY (plan_id, year))",
      // One row: a counter every write that evaluation reads increments, so caches in
      // other processes sharing the database notice the change.
      "CREATE TABLE data_version (value " + integer + " NOT NULL)",
      "INSERT INTO data_version (value) VALUES (1)",
      "ALTER TABLE manual_values ADD COLUMN version " + integer + " NOT NULL DEFAULT 1",
  };
  statements.insert(statements.end(), dialect.audit_log_guard.begin(),
                    dialect.audit_log_guard.end());
  return statements;
}

// The totals of the aggregate terms a plan reads, kept up to date by every write
// (term_totals_sql.h). Derived data: a term can always be rebuilt from its register.
std::vector<std::string> maintained_terms(const Dialect& dialect) {
  const std::string& integer = dialect.integer_type;
  const std::string& real = dialect.real_type;
  const std::string& text = dialect.text_type;
  const std::string bucket = "term_id " + integer + " NOT NULL REFERENCES maintained_terms (id), " +
                             "y_from " + integer + " NOT NULL, y_to " + integer + " NOT NULL, ";
  return {
      "CREATE TABLE maintained_terms (" + dialect.serial_id_column + ", term_key " + text +
          " NOT NULL UNIQUE, register_id " + text + " NOT NULL, register_shape " + text +
          " NOT NULL)",
      "CREATE INDEX maintained_terms_by_register ON maintained_terms (register_id)",
      "CREATE TABLE term_totals (" + bucket + "records " + integer + " NOT NULL, filled " +
          integer + " NOT NULL, total " + real + " NOT NULL, PRIMARY KEY (term_id, y_from, y_to))",
      "CREATE TABLE term_values (" + bucket + "value_text " + text + " NOT NULL, value_num " +
          real + " NOT NULL, records " + integer +
          " NOT NULL, PRIMARY KEY (term_id, y_from, y_to, value_text, value_num))",
      // A delete that empties a bucket finds it here without reading the others.
      "CREATE INDEX term_totals_emptied ON term_totals (term_id) WHERE records = 0",
      "CREATE INDEX term_values_emptied ON term_values (term_id) WHERE records = 0",
  };
}

// Failed logins as one row per failure, so throttling counts those of the last minutes
// (a sliding window) and old rows can be pruned. The counts kept until now were
// throttling state only: they are dropped, not carried over.
std::vector<std::string> login_failure_times(const Dialect& dialect) {
  const std::string& text = dialect.text_type;
  return {
      "DROP TABLE login_failures",
      "CREATE TABLE login_failures (key " + text + " NOT NULL, failed_at " + text + " NOT NULL)",
      "CREATE INDEX login_failures_by_key ON login_failures (key, failed_at)",
      "CREATE INDEX login_failures_by_time ON login_failures (failed_at)",
  };
}

}  // namespace

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
      {2, "accounts, sessions, audit trail, review workflow, versions",
       accounts_and_review(dialect)},
      {3, "maintained aggregate terms", maintained_terms(dialect)},
      {4, "login failures as times, for sliding windows", login_failure_times(dialect)},
      {5,
       "a password someone else chose must be changed at the next sign-in",
       {"ALTER TABLE users ADD COLUMN must_change_password " + integer + " NOT NULL DEFAULT 0"}},
  };
}

namespace {

int max_version(soci::session& session) {
  int version = 0;
  soci::indicator present = soci::i_null;
  session << "SELECT MAX(version) FROM schema_migrations", soci::into(version, present);
  return present == soci::i_ok ? version : 0;
}

// Creates the table of applied migrations only when it is missing, so a database that is
// read-only but complete still opens (PostgreSQL refuses even CREATE TABLE IF NOT EXISTS
// in a read-only transaction).
int applied_version(soci::session& session) {
  try {
    return max_version(session);
  } catch (const soci::soci_error&) {
    session << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)";
    return max_version(session);
  }
}

}  // namespace

int run_migrations(soci::session& session, const Dialect& dialect) {
  const int seen = applied_version(session);
  int ran = 0;
  for (const Migration& migration : migrations(dialect)) {
    if (migration.version <= seen) continue;
    try {
      for (const std::string& statement : dialect.begin_transaction) session << statement;
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
