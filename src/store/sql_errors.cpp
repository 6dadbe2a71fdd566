// Telling the database errors people can act on (a full disk, a read-only file) from the
// rest, so the front doors can say so instead of a bare internal error.
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

StoreErrorKind error_kind(const soci::soci_error& error) {
  const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&error);
  return sqlite ? sqlite_error_kind(sqlite->result()) : StoreErrorKind::other;
}

}  // namespace planscore::store
