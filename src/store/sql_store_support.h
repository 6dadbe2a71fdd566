#pragma once
// Shared by the files that define SqlStore's members (sql_store*.cpp); not part of the
// store's interface.
#include <libpq-fe.h>

#include <string>

#include "store/soci.h"
#include "store/sql_store.h"

namespace planscore::store {

// The kind of a SQLite result code (full, read-only, I/O), of a PostgreSQL SQLSTATE, and
// of a SOCI error carrying either.
StoreErrorKind sqlite_error_kind(int result_code);
StoreErrorKind postgresql_error_kind(const std::string& sqlstate);
StoreErrorKind error_kind(const soci::soci_error& error);

// Database errors the caller cannot prevent become StoreErrors that say what was being
// done and to which database; the store's own StoreErrors pass through unchanged.
template <typename Action>
auto guarded(const std::string& database, const std::string& what, Action action) {
  try {
    return action();
  } catch (const StoreError&) {
    throw;
  } catch (const soci::soci_error& error) {
    throw StoreError(what + " failed in " + database + ": " + error.what(), error_kind(error));
  }
}

// The libpq connection under a PostgreSQL session (for COPY, which SOCI does not offer).
PGconn* postgresql_connection(soci::session& session);

// A write of several statements: one transaction of its own, or part of the caller's
// when one is open (then the caller's commit or rollback decides).
class SqlStore::WriteScope {
 public:
  explicit WriteScope(SqlStore& store) : store_(store), owns_(!store.in_transaction_) {
    if (owns_) store_.begin();
  }
  ~WriteScope() {
    if (owns_ && !committed_) {
      try {
        store_.rollback();
      } catch (...) {
        // Destructors must not throw; a failed rollback ends with the connection anyway.
      }
    }
  }
  WriteScope(const WriteScope&) = delete;
  WriteScope& operator=(const WriteScope&) = delete;
  void commit() {
    if (owns_) store_.commit();
    committed_ = true;
  }

 private:
  SqlStore& store_;
  bool owns_;
  bool committed_ = false;
};

}  // namespace planscore::store
