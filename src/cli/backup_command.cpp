#include <fmt/chrono.h>
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "service/audit.h"
#include "service/backup.h"
#include "service/database_copy.h"
#include "service/failure.h"
#include "store/store.h"

namespace planscore::cli {
namespace {

namespace fs = std::filesystem;

struct BackupOptions {
  std::string file;
  bool force = false;
  std::string from, to;  // database URLs of `db copy`
};

// Named by the moment it was replaced (UTC): beside an SQLite database, e.g.
// data/planscore.db.before-restore-20260427T083000Z; for PostgreSQL a pg_dump archive
// beside the backup being restored, e.g. backups/before-restore-20260427T083000Z.dump.
std::string previous_content_path(const std::string& db, const std::string& backup) {
  const auto now =
      fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
  if (store::is_postgresql_url(db)) {
    return (fs::path(backup).parent_path() /
            fmt::format("before-restore-{:%Y%m%dT%H%M%SZ}.dump", now))
        .string();
  }
  return fmt::format("{}.before-restore-{:%Y%m%dT%H%M%SZ}", store::sqlite_file_of(db), now);
}

void print_counts(const store::DatabaseCounts& counts) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& [register_id, count] : counts.records)
    rows.push_back({"records in " + register_id, std::to_string(count)});
  rows.push_back({"records in all registers", std::to_string(counts.total_records())});
  const std::pair<const char*, std::int64_t> others[] = {
      {"plans", counts.plans},           {"manual values", counts.manual_values},
      {"accounts", counts.users},        {"reviews", counts.reviews},
      {"comments", counts.comments},     {"evidence files", counts.evidence_files},
      {"year locks", counts.year_locks}, {"audit entries", counts.audit_entries},
  };
  for (const auto& [what, count] : others) rows.push_back({what, std::to_string(count)});
  std::cout << format_table({"contents", "count"}, rows, {false, true});
}

std::string file_size(const std::string& path) {
  std::error_code error;
  const auto bytes = fs::file_size(path, error);
  if (error) return "size unknown";
  return bytes < 1024 * 1024 ? fmt::format("{:.1f} KiB", bytes / 1024.0)
                             : fmt::format("{:.1f} MiB", bytes / (1024.0 * 1024.0));
}

void run_backup(const BackupOptions& options, const std::string& db) {
  std::error_code error;
  if (!store::is_postgresql_url(db) && !fs::exists(store::sqlite_file_of(db), error))
    throw std::runtime_error("there is no database at " + store::sqlite_file_of(db) +
                             " to back up");
  auto store = store::Store::open(db);
  const auto started = std::chrono::steady_clock::now();
  try {
    const auto report =
        service::back_up_database(*store, service::system_actor(), options.file, options.force);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    const char* checked = store::is_postgresql_url(db)
                              ? "a pg_dump archive of one moment, counted in that moment"
                              : "the copy passed its integrity check";
    std::cout << fmt::format("backed up {} to {} ({}, {:.2f} s); {}, schema version {}\n",
                             store::url_without_password(db), report.path, file_size(report.path),
                             took.count(), checked, report.counts.schema_version);
    print_counts(report.counts);
  } catch (const service::Failure& failure) {
    if (failure.kind != service::FailureKind::conflict) throw;
    throw service::Failure(failure.kind,
                           std::string(failure.what()) + "; use --force to replace it");
  }
}

void run_restore(const BackupOptions& options, const std::string& db) {
  const bool postgresql = store::is_postgresql_url(db);
  const std::string path = store::sqlite_file_of(db);
  std::error_code error;
  const bool existed = postgresql || fs::exists(path, error);
  auto store = store::open_or_create(db);
  service::RestoreOptions restore;
  restore.replace_existing = options.force;
  restore.keep_previous_at = previous_content_path(db, options.file);
  try {
    const auto report =
        service::restore_database(*store, service::system_actor(), options.file, restore);
    std::cout << fmt::format("restored {} into {}; checked, schema version {}\n", options.file,
                             store::url_without_password(db), report.counts.schema_version);
    if (!report.previous_kept_at.empty())
      std::cout << "the previous content is kept in " << report.previous_kept_at << "\n";
    print_counts(report.counts);
  } catch (const std::exception& failure) {
    // A refused restore into a new database leaves no empty database behind.
    store.reset();
    if (!existed) store::remove_sqlite_database(path);
    const auto* refusal = dynamic_cast<const service::Failure*>(&failure);
    if (refusal == nullptr || refusal->kind != service::FailureKind::conflict) throw;
    throw service::Failure(
        refusal->kind,
        std::string(refusal->what()) +
            "; use --force to replace it (the current content is kept in " +
            (postgresql ? std::string("before-restore-TIME.dump beside ") + options.file
                        : store::sqlite_file_of(db) + ".before-restore-TIME") +
            ")");
  }
}

void run_copy(const BackupOptions& options) {
  if (options.from == options.to) throw std::runtime_error("--from and --to name one database");
  if (!store::is_postgresql_url(options.from) && !fs::exists(store::sqlite_file_of(options.from))) {
    throw std::runtime_error("there is no database at " + store::sqlite_file_of(options.from) +
                             " to copy");
  }
  auto source = store::Store::open(options.from);
  auto target = store::open_or_create(options.to);
  const auto started = std::chrono::steady_clock::now();
  const auto report = service::copy_database(*source, *target);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  std::cout << fmt::format(
      "copied {} to {} ({:.2f} s) and checked both sides: {} audit entries, {} evidence files "
      "and the evaluation of {} plan years are equal\n",
      store::url_without_password(options.from), store::url_without_password(options.to),
      took.count(), report.audit_entries, report.evidence_files, report.evaluated_years);
  print_counts(report.counts);
}

}  // namespace

void add_backup_commands(CLI::App& app, Commands& commands) {
  auto options = std::make_shared<BackupOptions>();
  auto* backup = app.add_subcommand(
      "backup", "write a consistent copy of the database to FILE, safe while the server runs");
  backup->add_option("FILE", options->file, "the backup file to write")->required();
  backup->add_flag("--force", options->force, "replace FILE if it exists");
  auto* restore =
      app.add_subcommand("restore", "replace the database's content with a backup (checked first)");
  restore->add_option("FILE", options->file, "a backup written by `planscore backup`")->required();
  restore->add_flag(
      "--force", options->force,
      "replace a database that holds data (its content is kept as DB.before-restore-TIME)");
  auto* db = app.add_subcommand("db", "move a database between SQLite and PostgreSQL");
  db->require_subcommand(1);
  auto* copy = db->add_subcommand(
      "copy", "copy everything into an empty database, then check both sides are equal");
  copy->add_option("--from", options->from,
                   "the database to copy: a file, sqlite:PATH or "
                   "postgresql://USER@HOST/DB")
      ->required();
  copy->add_option("--to", options->to,
                   "an empty database: a new file, or a PostgreSQL database (which "
                   "must exist) holding no planscore data")
      ->required();
  commands.add(backup, [options](const Database& database) {
    run_backup(*options, database.url);
    return 0;
  });
  commands.add(restore, [options](const Database& database) {
    run_restore(*options, database.url);
    return 0;
  });
  commands.add(copy, [options](const Database&) {
    run_copy(*options);
    return 0;
  });
}

}  // namespace planscore::cli
