#include "store/store.h"

#include <filesystem>

#include "store/sql_store.h"

namespace planscore::store {
namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";

}  // namespace

std::unique_ptr<Store> Store::open(const std::string& url) {
  if (url.rfind(kSqlitePrefix, 0) == 0) {
    return SqlStore::open_sqlite(url.substr(kSqlitePrefix.size()));
  }
  if (is_postgresql_url(url)) return SqlStore::open_postgresql(url);
  if (url.find("://") != std::string::npos) {
    throw StoreError("cannot open database '" + url_without_password(url) +
                     "': a database is a file path, sqlite:PATH or postgresql://…");
  }
  return SqlStore::open_sqlite(url);
}

std::string sqlite_file_of(const std::string& url) {
  if (is_postgresql_url(url)) return "";
  return url.rfind(kSqlitePrefix, 0) == 0 ? url.substr(kSqlitePrefix.size()) : url;
}

std::unique_ptr<Store> open_or_create(const std::string& url) {
  const std::filesystem::path file = sqlite_file_of(url);
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  return Store::open(url);
}

void remove_sqlite_database(const std::string& file) {
  std::error_code error;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(file + suffix, error);
}

bool is_postgresql_url(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

std::string url_without_password(const std::string& url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const std::size_t authority = scheme + 3;
  const std::size_t at = url.find('@', authority);
  const std::size_t slash = url.find('/', authority);
  if (at == std::string::npos || (slash != std::string::npos && at > slash)) return url;
  const std::size_t colon = url.find(':', authority);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + url.substr(at);
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
