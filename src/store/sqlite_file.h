#pragma once
// A plain SQLite connection beside SOCI's, for what SOCI does not offer: the online
// backup API, and looking at a backup file before anything trusts it. Used only by the
// SQLite Store's backup and restore.
#include <cstdint>
#include <string>
#include <vector>

#include "store/store.h"

struct sqlite3;

namespace planscore::store {

// A StoreError that keeps SQLite's result code, so a restore can tell a file that is not
// a database (SQLITE_NOTADB) from a damaged one (SQLITE_CORRUPT).
struct SqliteError : StoreError {
  SqliteError(const std::string& message, std::string sqlite_message, int result_code);
  bool not_a_database() const;
  bool corrupt() const;
  std::string reason;  // SQLite's own words, without the file name
  int code;
};

class SqliteFile {
 public:
  enum class Mode { existing, create };
  // Opens `path` read-write (creating it in Mode::create) with a busy timeout, so it
  // waits for other connections' short writes like the Store's own connection does.
  SqliteFile(const std::string& path, Mode mode);
  ~SqliteFile();
  SqliteFile(const SqliteFile&) = delete;
  SqliteFile& operator=(const SqliteFile&) = delete;

  // Runs SQL without results; throws SqliteError with SQLite's message.
  void exec(const std::string& sql);
  // The first column of every row, as text.
  std::vector<std::string> column(const std::string& sql);
  // The first column of the first row as an integer (0 for no row or NULL).
  std::int64_t integer(const std::string& sql);

  sqlite3* handle() { return db_; }
  const std::string& path() const { return path_; }

 private:
  [[noreturn]] void fail(const std::string& doing, int code) const;

  std::string path_;
  sqlite3* db_ = nullptr;
};

// Copies every page of `from` into `to` with SQLite's online backup API, `pages_per_step`
// pages at a time (-1: all in one step). While either side is busy or locked it waits a
// moment and tries again, so a busy server is never blocked for long; it gives up
// (SqliteError) when the other side stays busy for seconds.
void copy_pages(SqliteFile& from, SqliteFile& to, int pages_per_step);

// What PRAGMA integrity_check reports, empty when the file is sound.
std::vector<std::string> integrity_problems(SqliteFile& file);

}  // namespace planscore::store
