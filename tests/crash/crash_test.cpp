// Crash safety: the real server under concurrent writers is killed with SIGKILL at a
// random moment and restarted on the same database, trial after trial. Every change that
// was acknowledged must be there as acknowledged, a change whose answer never arrived may
// be there or not, and nothing else may be; no import is half there; the audit trail has
// exactly the changes the data shows; the backend's own check passes; and the restarted
// server's evaluation equals a recomputation by a separate process.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <iostream>
#include <random>

#include "crash/crash_options.h"
#include "crash/crash_trial.h"
#include "database/test_database.h"

namespace planscore::test {
namespace {

// The backend of this run: CTest runs the trials once on SQLite and once, as
// "postgresql.…", against the run's PostgreSQL cluster.
std::vector<CrashBackend> crash_backends() {
  if (testing_postgresql()) return {postgresql_backend()};
  return {sqlite_backend()};
}

class CrashSafety : public testing::TestWithParam<CrashBackend> {};

TEST_P(CrashSafety, AcknowledgedWritesSurviveSigkill) {
  const auto& options = crash_options();
  const unsigned seed = options.seed;
  std::mt19937 rng(seed);
  std::uniform_int_distribution<long> kill_at(options.kill_low.count(), options.kill_high.count());
  TrialReport total;
  int trials_with_failures = 0;
  std::cout << "backend " << GetParam().name << ", " << options.trials << " trials, seed " << seed
            << " (replay one: --seed S --trials 1 with the trial's seed)\n";
  for (int trial = 1; trial <= options.trials; ++trial) {
    TrialOptions trial_options;
    trial_options.seed = static_cast<unsigned>(rng());
    trial_options.kill_after = std::chrono::milliseconds(kill_at(rng));
    const auto report = run_crash_trial(GetParam(), trial_options);
    std::cout << "trial " << trial << " (seed " << trial_options.seed << "): killed after "
              << trial_options.kill_after.count() << " ms; " << report.acknowledged
              << " acknowledged changes (" << report.imported_rows << " imported rows), "
              << report.pending << " unanswered of which " << report.pending_landed << " landed, "
              << report.audit_entries << " audit entries; " << report.failures.size() << " failures"
              << std::endl;
    for (const auto& failure : report.failures)
      ADD_FAILURE() << "trial " << trial << " (seed " << trial_options.seed << "): " << failure;
    for (const auto& refusal : report.refusals)
      ADD_FAILURE() << "trial " << trial << " (seed " << trial_options.seed
                    << "): refused: " << refusal;
    trials_with_failures += report.failures.empty() && report.refusals.empty() ? 0 : 1;
    total.acknowledged += report.acknowledged;
    total.imported_rows += report.imported_rows;
    total.pending += report.pending;
    total.pending_landed += report.pending_landed;
    total.audit_entries += report.audit_entries;
  }
  std::cout << "total: " << options.trials << " kills, " << total.acknowledged
            << " acknowledged changes checked (" << total.imported_rows << " imported rows), "
            << total.pending << " unanswered (" << total.pending_landed << " landed), "
            << total.audit_entries << " audit entries, " << trials_with_failures
            << " trials with failures" << std::endl;
}

// The checks themselves: a trial whose database loses one row of an import after the
// kill must fail, naming the import.
TEST(CrashHarness, NoticesAHalfWrittenImport) {
  if (testing_postgresql()) GTEST_SKIP() << "checks the harness, once, on SQLite";
  TrialOptions options;
  options.seed = 7;
  options.kill_after = std::chrono::milliseconds(1500);
  options.after_kill = [](const std::string& path) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db,
                           "DELETE FROM reg_records_trainings WHERE id = (SELECT max(id) FROM "
                           "reg_records_trainings WHERE f_title LIKE 'crash-imp%')",
                           nullptr, nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(db);
    EXPECT_EQ(sqlite3_changes(db), 1) << "the workload imported nothing before the kill";
    sqlite3_close(db);
  };
  const auto report = run_crash_trial(sqlite_backend(), options);
  bool named = false;
  for (const auto& failure : report.failures)
    named = named || failure.rfind("import:records_trainings:", 0) == 0;
  EXPECT_TRUE(named) << report.failures.size() << " failures, none about the damaged import";
}

INSTANTIATE_TEST_SUITE_P(Backends, CrashSafety, testing::ValuesIn(crash_backends()),
                         [](const testing::TestParamInfo<CrashBackend>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace planscore::test
