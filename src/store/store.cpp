#include "store/store.h"

#include "store/sql_store.h"

namespace planscore::store {

std::unique_ptr<Store> Store::open(const std::string& url) {
  constexpr std::string_view kSqlitePrefix = "sqlite:";
  if (url.rfind(kSqlitePrefix, 0) == 0) {
    return SqlStore::open_sqlite(url.substr(kSqlitePrefix.size()));
  }
  if (url.find("://") != std::string::npos) {
    throw StoreError("cannot open database '" + url +
                     "': only SQLite files (a path or sqlite:PATH) are supported");
  }
  return SqlStore::open_sqlite(url);
}

Transaction::Transaction(Store& store) : store_(store) {
  store_.begin();
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    store_.rollback();
  } catch (...) {
    // Never throw from a destructor (it may run during unwinding); the connection's own
    // cleanup discards an unfinished transaction.
  }
}

void Transaction::commit() {
  store_.commit();
  done_ = true;
}

}  // namespace planscore::store
