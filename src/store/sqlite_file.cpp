#include "store/sqlite_file.h"

#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "store/identifiers.h"
#include "store/sql_store_support.h"

namespace planscore::store {

SqliteError::SqliteError(const std::string& message, std::string sqlite_message, int result_code)
    : StoreError(message, sqlite_error_kind(result_code)),
      reason(std::move(sqlite_message)),
      code(result_code) {}

bool SqliteError::not_a_database() const {
  return code == SQLITE_NOTADB;
}

bool SqliteError::corrupt() const {
  return code == SQLITE_CORRUPT;
}

SqliteFile::SqliteFile(const std::string& path, Mode mode) : path_(path) {
  const int flags = SQLITE_OPEN_READWRITE | (mode == Mode::create ? SQLITE_OPEN_CREATE : 0);
  const int code = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (code != SQLITE_OK) {
    // The destructor does not run for a constructor that throws.
    const std::string reason = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
    sqlite3_close_v2(db_);
    throw SqliteError("cannot open '" + path + "': " + reason, reason, code);
  }
  sqlite3_busy_timeout(db_, 5000);
}

SqliteFile::~SqliteFile() {
  sqlite3_close_v2(db_);
}

void SqliteFile::fail(const std::string& doing, int code) const {
  const std::string reason = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
  throw SqliteError(doing + " failed in '" + path_ + "': " + reason, reason, code);
}

void SqliteFile::exec(const std::string& sql) {
  const int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) fail("\"" + sql + "\"", code);
}

std::vector<std::string> SqliteFile::column(const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  int code = sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr);
  if (code != SQLITE_OK) fail("\"" + sql + "\"", code);
  std::vector<std::string> values;
  while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(statement, 0);
    values.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
  }
  sqlite3_finalize(statement);
  if (code != SQLITE_DONE) fail("\"" + sql + "\"", code);
  return values;
}

std::int64_t SqliteFile::integer(const std::string& sql) {
  const std::vector<std::string> values = column(sql);
  if (values.empty() || values.front().empty()) return 0;
  return std::stoll(values.front());
}

void copy_pages(SqliteFile& from, SqliteFile& to, int pages_per_step) {
  // Consecutive busy answers allowed before giving up: about ten seconds of waiting.
  constexpr int kMaxBusyRetries = 2000;
  constexpr auto kPause = std::chrono::milliseconds(5);
  sqlite3_backup* backup = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
  if (backup == nullptr) {
    const std::string reason = sqlite3_errmsg(to.handle());
    throw SqliteError(
        "copying '" + from.path() + "' to '" + to.path() + "' could not start: " + reason, reason,
        sqlite3_errcode(to.handle()));
  }
  int code = SQLITE_OK;
  int busy = 0;
  while (true) {
    code = sqlite3_backup_step(backup, pages_per_step);
    if (code == SQLITE_DONE) break;
    if (code == SQLITE_OK) {
      busy = 0;
      continue;
    }
    if ((code == SQLITE_BUSY || code == SQLITE_LOCKED) && ++busy <= kMaxBusyRetries) {
      std::this_thread::sleep_for(kPause);
      continue;
    }
    break;
  }
  sqlite3_backup_finish(backup);
  if (code != SQLITE_DONE) {
    const std::string reason = sqlite3_errstr(code);
    throw SqliteError("copying '" + from.path() + "' to '" + to.path() + "' failed: " + reason,
                      reason, code);
  }
}

std::vector<std::string> integrity_problems(SqliteFile& file) {
  std::vector<std::string> rows = file.column("PRAGMA integrity_check");
  if (rows.size() == 1 && rows.front() == "ok") return {};
  return rows;
}

}  // namespace planscore::store
