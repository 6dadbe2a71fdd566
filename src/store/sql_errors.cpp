// Telling the database errors people can act on (a full disk, a read-only file, a database
// server that is down) from the rest, so the front doors can say so instead of a bare internal
// error.
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "store/sql_store_support.h"

namespace planscore::store {

StoreErrorKind sqlite_error_kind(int result_code) {
  // Extended result codes (SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE …) keep the
  // primary code in their low byte.
  switch (result_code & 0xff) {
    case SQLITE_FULL:
      return StoreErrorKind::full;
    case SQLITE_READONLY:
      return StoreErrorKind::read_only;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return StoreErrorKind::unavailable;
    default:
      return StoreErrorKind::other;
  }
}

StoreErrorKind postgresql_error_kind(const std::string& sqlstate) {
  // SQLSTATE classes: 53 insufficient resources (53100 disk full), 08 connection
  // exception, 57P0x the server shutting down or starting; 25006 a read-only transaction
  // (a hot standby, or default_transaction_read_only).
  if (sqlstate == "53100") return StoreErrorKind::full;
  if (sqlstate == "25006") return StoreErrorKind::read_only;
  if (sqlstate.rfind("08", 0) == 0 || sqlstate.rfind("57P", 0) == 0 || sqlstate == "53300") {
    return StoreErrorKind::unavailable;
  }
  return StoreErrorKind::other;
}

StoreErrorKind error_kind(const soci::soci_error& error) {
  if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&error)) {
    return sqlite_error_kind(sqlite->result());
  }
  if (const auto* postgresql = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
    return postgresql_error_kind(postgresql->sqlstate());
  }
  return StoreErrorKind::other;
}

}  // namespace planscore::store
