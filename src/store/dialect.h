#pragma once
// The few places where SQLite and PostgreSQL disagree. Everything else the store sends
// is portable SQL (ON CONFLICT upserts, RETURNING, ISO date text), so adding the
// PostgreSQL backend means adding a Dialect, not rewriting queries.
#include <string>
#include <vector>

#include "core/register/register.h"

namespace planscore::store {

struct Dialect {
  // Statements run once per connection before migrations (pragmas, session settings).
  std::vector<std::string> connection_setup;
  // Column definition of every surrogate key (register records, users, audit_log,
  // comments, evidence): never reused, even after a delete, so an id in the audit trail
  // ("records_trainings/13") names one thing forever.
  std::string serial_id_column;
  // Starts a write transaction. Writers take turns in both databases, so a write that
  // reads before it writes (a permission, a year lock, a version) decides on what is still
  // true when it commits. SQLite needs IMMEDIATE so two writers fail fast on the busy
  // timeout instead of deadlocking when both upgrade a read lock; PostgreSQL takes a
  // transaction-scoped advisory lock (readers never wait for it).
  std::vector<std::string> begin_transaction;
  std::string integer_type;
  std::string real_type;
  std::string text_type = "TEXT";
  std::string blob_type;
  // A zero-length blob literal: SOCI binds an empty blob as NULL, so inserts coalesce
  // to this to keep "no bytes" apart from "no value".
  std::string empty_blob;
  // SOCI's PostgreSQL backend maps soci::blob to large objects, not BYTEA: there, bytes
  // travel as hex text through these SQL functions instead (empty when soci::blob works).
  std::string blob_from_hex = {};  // e.g. "decode({}, 'hex')"
  std::string blob_to_hex = {};    // e.g. "encode({}, 'hex')"
  // SELECT of the column names of the table bound as its one parameter.
  std::string column_names_sql;
  // SELECT of the names of the indexes on the table bound as its one parameter.
  std::string index_names_sql;
  // Starts a read-only transaction that sees one moment throughout (copies, counts).
  std::string begin_snapshot;
  // The highest id a table with a serial id has handed out (0 when none), and setting
  // it, both with the table's name bound as :table_name (and :value).
  std::string id_counter_sql;
  std::vector<std::string> set_id_counter_sql;
  // Whether rows in bulk (a batch of records, a table being copied) go in through COPY
  // (postgresql_copy.h) rather than INSERT.
  bool copy_in = false;
  // Reserves :count ids of the table bound as :table_name for a batch written with
  // explicit ids, yielding the first (for copy_in). Writers take turns, so no other writer
  // takes an id in between.
  std::string reserve_ids_sql = {};
  // Makes the audit_log table append-only: statements that refuse UPDATE and DELETE
  // inside the database, so no code path (or hand-run SQL) can rewrite history.
  std::vector<std::string> audit_log_guard;

  std::string column_type(core::FieldType type) const;
};

const Dialect& sqlite_dialect();
const Dialect& postgresql_dialect();

}  // namespace planscore::store
