#include "service/database_files.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>

#include "store/store.h"

namespace planscore::service {
namespace {

namespace fs = std::filesystem;

void require_existing(const std::string& url, const std::string& to_do) {
  std::error_code error;
  if (!store::is_postgresql_url(url) && !fs::exists(store::sqlite_file_of(url), error))
    throw std::runtime_error("there is no database at " + store::sqlite_file_of(url) + " to " +
                             to_do);
}

// Where a restore keeps what it replaces, named by `moment`: beside an SQLite database, or
// for PostgreSQL a pg_dump archive beside the backup being restored.
std::string kept_content_path(const std::string& url, const std::string& backup_path,
                              const std::string& moment) {
  if (store::is_postgresql_url(url))
    return (fs::path(backup_path).parent_path() / ("before-restore-" + moment + ".dump")).string();
  return store::sqlite_file_of(url) + ".before-restore-" + moment;
}

// The moment a restore replaces the content (UTC), as the kept file's name gives it.
std::string restore_moment() {
  return fmt::format(
      "{:%Y%m%dT%H%M%SZ}",
      fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now())));
}

}  // namespace

std::string printable_database_url(const std::string& url) {
  return store::url_without_password(url);
}

bool is_postgresql_database(const std::string& url) {
  return store::is_postgresql_url(url);
}

BackupReport back_up_database_at(const std::string& url, const core::Actor& actor,
                                 const std::string& backup_path, bool replace) {
  require_existing(url, "back up");
  auto store = store::Store::open(url);
  return back_up_database(*store, actor, backup_path, replace);
}

RestoreReport restore_database_at(const std::string& url, const core::Actor& actor,
                                  const std::string& backup_path, bool replace) {
  const std::string file = store::sqlite_file_of(url);
  std::error_code error;
  const bool existed = store::is_postgresql_url(url) || fs::exists(file, error);
  auto store = store::open_or_create(url);
  try {
    return restore_database(*store, actor, backup_path,
                            {replace, kept_content_path(url, backup_path, restore_moment())});
  } catch (...) {
    store.reset();
    if (!existed) store::remove_sqlite_database(file);
    throw;
  }
}

std::string kept_content_pattern(const std::string& url, const std::string& backup_path) {
  return kept_content_path(url, backup_path, "TIME");
}

CopyReport copy_database_at(const std::string& from, const std::string& to) {
  if (from == to) throw std::runtime_error("the source and the target are one database");
  require_existing(from, "copy");
  auto source = store::Store::open(from);
  auto target = store::open_or_create(to);
  return copy_database(*source, *target);
}

}  // namespace planscore::service
