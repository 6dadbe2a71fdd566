// SqlStore: backing up and restoring a PostgreSQL database with PostgreSQL's own tools.
// pg_dump writes one custom-format archive from a snapshot this connection exports, so
// the counts reported are of exactly what the archive holds while others keep writing;
// pg_restore puts one back in a single transaction, so a failed restore changes nothing.
#include <libpq-fe.h>

#include <filesystem>

#include "store/backup_files.h"
#include "store/child_process.h"
#include "store/content_counts.h"
#include "store/migrations.h"
#include "store/sql_store.h"
#include "store/sql_store_support.h"

namespace planscore::store {
namespace {

namespace fs = std::filesystem;

// The password travels in the environment, not on a command line other users can read.
std::vector<std::string> password_environment(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  PQfreemem(error);
  std::vector<std::string> environment;
  for (const PQconninfoOption* option = options; option && option->keyword; ++option) {
    if (std::string_view(option->keyword) == "password" && option->val != nullptr) {
      environment.push_back(std::string("PGPASSWORD=") + option->val);
    }
  }
  PQconninfoFree(options);
  return environment;
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

// Why the file at `path` is not a planscore archive pg_restore can read, or "".
std::string refusal_of(const std::string& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return "'" + path + "' is not a file";
  const ChildResult listed = run_child({"pg_restore", "--list", path});
  if (listed.exit_code != 0) {
    return "'" + path + "' is not a planscore backup: pg_restore cannot read it (" +
           first_line(listed.output) + ")";
  }
  for (const char* table : {"schema_migrations", "audit_log", "registers"}) {
    if (listed.output.find(std::string(" TABLE public ") + table + " ") == std::string::npos) {
      return "'" + path + "' is not a planscore backup: it holds no table " + table;
    }
  }
  return "";
}

}  // namespace

DatabaseCounts SqlStore::dump_to(const std::string& path, bool replace) {
  std::error_code error;
  if (!replace && fs::exists(path, error)) throw StoreError("'" + path + "' already exists");
  const std::string temporary = path + ".tmp";
  remove_database_files(temporary);  // left by an interrupted backup
  RemoveOnExit cleanup(temporary);
  DatabaseCounts counts = guarded(description_, "backing it up", [&] {
    session_ << dialect_.begin_snapshot;
    try {
      std::string snapshot;
      session_ << "SELECT pg_export_snapshot()", soci::into(snapshot);
      const ChildResult dumped = run_child(
          {"pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--snapshot=" + snapshot,
           "--file=" + temporary, "--dbname=" + url_without_password(url_)},
          password_environment(url_));
      if (dumped.exit_code != 0) throw StoreError("pg_dump failed: " + dumped.output);
      SessionReader reader{session_};
      DatabaseCounts in_snapshot = count_contents(reader);
      session_ << "COMMIT";
      return in_snapshot;
    } catch (...) {
      session_ << "ROLLBACK";
      throw;
    }
  });
  sync_file(temporary);
  publish(temporary, path, replace);
  sync_directory_of(path);
  return counts;
}

RestoreResult SqlStore::restore_dump(const std::string& path, const std::string& keep_previous_at) {
  RestoreResult result;
  result.refused = refusal_of(path);
  if (!result.refused.empty()) return result;
  if (!keep_previous_at.empty()) dump_to(keep_previous_at, false);
  const std::int64_t previous_data_version = data_version();
  const ChildResult restored = run_child(
      {"pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
       "--single-transaction", "--exit-on-error", "--dbname=" + url_without_password(url_), path},
      password_environment(url_));
  if (restored.exit_code != 0) {
    throw StoreError("restoring '" + path + "' into " + description_ +
                     " failed, nothing was changed: " + restored.output);
  }
  guarded(description_, "bringing the restored database up to date", [&] {
    run_migrations(session_, dialect_);
    upgrade_register_tables();
    // Caches key on the data version; a number they saw before the restore would let
    // them serve figures of the old content.
    execute(session_, "UPDATE data_version SET value = GREATEST(value, :p1) + 1",
            {previous_data_version});
  });
  result.counts = counts();
  return result;
}

}  // namespace planscore::store
