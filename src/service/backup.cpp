#include "service/backup.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>

#include "service/audit.h"
#include "service/failure.h"
#include "service/snapshots.h"

namespace planscore::service {
namespace {

// A backup holds every account's password hash and every evidence file: only those who
// manage accounts may take one or put one back.
void require_administrator(const core::Actor& actor, const char* what) {
  if (!core::can_manage_users(actor))
    throw Failure(FailureKind::forbidden, std::string("only administrators may ") + what);
}

std::string describe(const store::DatabaseCounts& counts) {
  std::vector<std::string> parts;
  const auto add = [&](std::int64_t count, const char* what) {
    if (count > 0) parts.push_back(fmt::format("{} {}", count, what));
  };
  add(counts.plans, "plan(s)");
  add(counts.total_records(), "record(s)");
  add(counts.manual_values, "manual value(s)");
  add(counts.users, "account(s)");
  add(counts.reviews, "review(s)");
  add(counts.comments, "comment(s)");
  add(counts.evidence_files, "evidence file(s)");
  add(counts.audit_entries, "audit entries");
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace

BackupReport back_up_database(store::Store& store, const core::Actor& actor,
                              const std::string& path, bool replace) {
  require_administrator(actor, "back up the database");
  std::error_code error;
  if (!replace && std::filesystem::exists(path, error))
    throw Failure(FailureKind::conflict, "'" + path + "' already exists",
                  {{"file", "choose another name, or replace it explicitly"}});
  BackupReport report{path, store.backup_to(path, replace)};
  audit(store, actor,
        {"database.backup", "database", path, "", counts_snapshot(report.counts), ""});
  return report;
}

RestoreReport restore_database(store::Store& store, const core::Actor& actor,
                               const std::string& backup_path, const RestoreOptions& options) {
  require_administrator(actor, "restore the database");
  const store::DatabaseCounts before = store.counts();
  RestoreReport report;
  if (!before.empty()) {
    if (!options.replace_existing)
      throw Failure(FailureKind::conflict,
                    "the database already holds " + describe(before) +
                        "; a restore replaces it only when asked to explicitly");
    report.previous_kept_at = options.keep_previous_at;
  }
  store::RestoreResult result = store.restore_from(backup_path, report.previous_kept_at);
  if (!result.refused.empty())
    throw Failure(FailureKind::invalid, result.refused + "; nothing was restored");
  report.counts = std::move(result.counts);
  audit(store, actor,
        {"database.restore", "database", backup_path, "", counts_snapshot(report.counts),
         report.previous_kept_at.empty()
             ? ""
             : "the previous content is kept in " + report.previous_kept_at});
  return report;
}

}  // namespace planscore::service
