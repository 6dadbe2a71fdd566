#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "service/audit.h"
#include "service/database_files.h"
#include "service/failure.h"

namespace planscore::cli {
namespace {

namespace fs = std::filesystem;

struct BackupOptions {
  std::string file;
  bool force = false;
  std::string from, to;  // database URLs of `db copy`
};

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
  const auto started = std::chrono::steady_clock::now();
  try {
    const auto report =
        service::back_up_database_at(db, service::system_actor(), options.file, options.force);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    const char* checked = service::is_postgresql_database(db)
                              ? "a pg_dump archive of one moment, counted in that moment"
                              : "the copy passed its integrity check";
    std::cout << fmt::format("backed up {} to {} ({}, {:.2f} s); {}, schema version {}\n",
                             service::printable_database_url(db), report.path,
                             file_size(report.path), took.count(), checked,
                             report.counts.schema_version);
    print_counts(report.counts);
  } catch (const service::Failure& failure) {
    if (failure.kind != service::FailureKind::conflict) throw;
    throw service::Failure(failure.kind,
                           std::string(failure.what()) + "; use --force to replace it");
  }
}

void run_restore(const BackupOptions& options, const std::string& db) {
  try {
    const auto report =
        service::restore_database_at(db, service::system_actor(), options.file, options.force);
    std::cout << fmt::format("restored {} into {}; checked, schema version {}\n", options.file,
                             service::printable_database_url(db), report.counts.schema_version);
    if (!report.previous_kept_at.empty())
      std::cout << "the previous content is kept in " << report.previous_kept_at << "\n";
    print_counts(report.counts);
  } catch (const service::Failure& refusal) {
    if (refusal.kind != service::FailureKind::conflict) throw;
    throw service::Failure(refusal.kind,
                           std::string(refusal.what()) +
                               "; use --force to replace it (the current content is kept in " +
                               service::kept_content_pattern(db, options.file) + ")");
  }
}

void run_copy(const BackupOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const auto report = service::copy_database_at(options.from, options.to);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  std::cout << fmt::format(
      "copied {} to {} ({:.2f} s) and checked both sides: {} audit entries, {} evidence files "
      "and the evaluation of {} plan years are equal\n",
      service::printable_database_url(options.from), service::printable_database_url(options.to),
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
