// SqlStore: backup and restore through SQLite's online backup API. Both work on plain
// connections of their own (sqlite_file.h), so the Store's SOCI session, its prepared
// queries and its transactions are untouched.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include "store/backup_files.h"
#include "store/content_counts.h"
#include "store/migrations.h"
#include "store/sql_rows.h"
#include "store/sql_store.h"
#include "store/sql_store_support.h"
#include "store/sqlite_file.h"

namespace planscore::store {
namespace {

namespace fs = std::filesystem;

// Small enough that a step holds the source's pages only briefly, large enough that a
// database of a few thousand pages takes a handful of steps.
constexpr int kPagesPerStep = 256;

std::string describe_unreadable(const std::string& path, const SqliteError& error) {
  // SQLite's reason without the name of the staged copy, which means nothing to people.
  if (error.not_a_database())
    return "'" + path + "' is not a planscore backup: it is not an SQLite database";
  if (error.corrupt()) return "'" + path + "' is damaged (truncated or corrupt): " + error.reason;
  return "'" + path + "' cannot be read as a backup: " + error.reason;
}

// Copies the backup file at `path` to `staged`, checks it and brings it to this build's
// schema. Returns why it cannot be restored, or "" when `staged` is ready to copy in.
std::string stage_backup(const Dialect& dialect, const std::string& path, const std::string& staged,
                         std::int64_t page_size) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return "'" + path + "' is not a file";
  // The backup itself is never opened for writing: SQLite would roll back a hot journal
  // or switch its journal mode in place.
  fs::copy_file(path, staged, fs::copy_options::overwrite_existing, error);
  if (error) return "cannot copy '" + path + "': " + error.message();

  const int known = migrations(dialect).back().version;
  try {
    SqliteFile file(staged, SqliteFile::Mode::existing);
    const std::vector<std::string> problems = integrity_problems(file);
    if (!problems.empty())
      return "'" + path + "' is damaged (truncated or corrupt): " + problems.front();
    if (file.integer("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                     "('schema_migrations', 'plans', 'registers')") != 3)
      return "'" + path + "' is an SQLite database but not a planscore backup";
    const std::int64_t version = file.integer("SELECT MAX(version) FROM schema_migrations");
    if (version > known)
      return "'" + path + "' comes from a newer planscore (schema version " +
             std::to_string(version) + "; this build knows up to " + std::to_string(known) +
             "): restore it with that version or a later one";
  } catch (const SqliteError& unreadable) {
    return describe_unreadable(path, unreadable);
  }

  try {
    // The same migrations every database gets when it is opened.
    SqlStore::open_sqlite(staged);
  } catch (const StoreError& failed) {
    return "'" + path + "' cannot be brought to this build's schema: " + failed.what();
  }

  try {
    SqliteFile file(staged, SqliteFile::Mode::existing);
    file.exec("PRAGMA journal_mode = DELETE");
    // SQLite copies into a WAL database only pages of its own size.
    if (file.integer("PRAGMA page_size") != page_size) {
      file.exec("PRAGMA page_size = " + std::to_string(page_size));
      file.exec("VACUUM");
    }
  } catch (const SqliteError& unreadable) {
    return describe_unreadable(path, unreadable);
  }
  return "";
}

std::string random_suffix() {
  std::random_device random;
  return std::to_string(random()) + std::to_string(random());
}

}  // namespace

namespace {}  // namespace

DatabaseCounts SqlStore::counts() {
  if (in_transaction_) throw StoreError("cannot count " + description_ + " inside a transaction");
  if (path_.empty()) {
    return guarded(description_, "counting its contents", [&] {
      session_ << dialect_.begin_snapshot;
      try {
        SessionReader reader{session_};
        DatabaseCounts counts = count_contents(reader);
        session_ << "COMMIT";
        return counts;
      } catch (...) {
        session_ << "ROLLBACK";
        throw;
      }
    });
  }
  try {
    SqliteFile file(path_, SqliteFile::Mode::existing);
    // One snapshot, so the counts belong together.
    file.exec("BEGIN");
    DatabaseCounts counts = count_contents(file);
    file.exec("COMMIT");
    return counts;
  } catch (const SqliteError& error) {
    throw StoreError("counting the contents of " + description_ + " failed: " + error.what(),
                     error.kind);
  }
}

DatabaseCounts SqlStore::backup_to(const std::string& path, bool replace) {
  if (in_transaction_) throw StoreError("cannot back up " + description_ + " inside a transaction");
  if (path.empty()) throw StoreError("cannot back up " + description_ + ": no file name given");
  if (path_.empty()) return dump_to(path, replace);
  std::error_code error;
  if (!replace && fs::exists(path, error)) throw StoreError("'" + path + "' already exists");

  const std::string temporary = path + ".tmp";
  remove_database_files(temporary);  // left by an interrupted backup
  RemoveOnExit cleanup(temporary);
  DatabaseCounts counts;
  try {
    SqliteFile source(path_, SqliteFile::Mode::existing);
    // One read transaction across every step: in WAL mode writers go on meanwhile, and
    // every page comes from the same snapshot, so the copy neither restarts nor mixes
    // two moments.
    source.exec("BEGIN");
    source.integer("SELECT COUNT(*) FROM sqlite_master");
    SqliteFile copy(temporary, SqliteFile::Mode::create);
    copy_pages(source, copy, kPagesPerStep);
    source.exec("COMMIT");
    // The copy carries the source's WAL mark; a backup is one self-contained file. The
    // read makes the connection notice the mark so the pragma can clear it.
    copy.integer("SELECT COUNT(*) FROM sqlite_master");
    copy.exec("PRAGMA journal_mode = DELETE");
    const std::vector<std::string> problems = integrity_problems(copy);
    if (!problems.empty())
      throw StoreError("the copy of " + description_ +
                       " failed its integrity check: " + problems.front());
    counts = count_contents(copy);
  } catch (const SqliteError& failed) {
    throw StoreError("backing up " + description_ + " failed: " + failed.what(), failed.kind);
  }
  sync_file(temporary);
  publish(temporary, path, replace);
  sync_directory_of(path);
  return counts;
}

RestoreResult SqlStore::restore_from(const std::string& path, const std::string& keep_previous_at) {
  if (in_transaction_) throw StoreError("cannot restore " + description_ + " inside a transaction");
  if (path_.empty()) return restore_dump(path, keep_previous_at);
  const std::string staged = path_ + ".restore-" + random_suffix() + ".tmp";
  RemoveOnExit cleanup(staged);
  RestoreResult result;
  try {
    std::int64_t page_size = 0;
    {
      SqliteFile target(path_, SqliteFile::Mode::existing);
      page_size = target.integer("PRAGMA page_size");
    }
    result.refused = stage_backup(dialect_, path, staged, page_size);
    if (!result.refused.empty()) return result;
    DatabaseCounts expected;
    {
      SqliteFile file(staged, SqliteFile::Mode::existing);
      expected = count_contents(file);
    }

    if (!keep_previous_at.empty()) backup_to(keep_previous_at, false);
    const std::int64_t previous_data_version = data_version();
    {
      SqliteFile from(staged, SqliteFile::Mode::existing);
      SqliteFile to(path_, SqliteFile::Mode::existing);
      // Every page in one step: other connections see the old content or the backup's,
      // never a mix.
      copy_pages(from, to, -1);
      // Caches key on the data version; a number they saw before the restore would let
      // them serve figures of the old content.
      to.exec("UPDATE data_version SET value = MAX(value, " +
              std::to_string(previous_data_version) + ") + 1");
    }
    result.counts = counts();
    if (result.counts != expected)
      throw StoreError("restoring '" + path + "' into " + description_ +
                       ": the database does not hold what the backup holds afterwards");
  } catch (const SqliteError& failed) {
    throw StoreError("restoring '" + path + "' into " + description_ + " failed: " + failed.what(),
                     failed.kind);
  }
  return result;
}

}  // namespace planscore::store
