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

std::int64_t DatabaseCounts::total_records() const {
  std::int64_t total = 0;
  for (const auto& [register_id, count] : records) total += count;
  return total;
}

bool DatabaseCounts::empty() const {
  return plans == 0 && total_records() == 0 && manual_values == 0 && users == 0 &&
         audit_entries == 0 && reviews == 0 && comments == 0 && evidence_files == 0 &&
         year_locks == 0;
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
