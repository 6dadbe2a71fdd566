// Backing up a database in use and restoring it elsewhere: everything people entered
// comes back identical (records, audit trail, evidence bytes, reviews, comments, manual
// values, accounts, every year's evaluation), a backup taken while another connection
// keeps adding records is one consistent moment, and restores that would lose data or
// read a bad file are refused.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sodium.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "database/test_database.h"
#include "filled_database.h"
#include "planfile/evaluation_json.h"
#include "planfile/register_json_value.h"
#include "service/accounts.h"
#include "service/audit.h"
#include "service/backup.h"
#include "service/demo.h"
#include "service/evaluation.h"
#include "service/failure.h"
#include "service/manual_values.h"
#include "service/records.h"
#include "service/reviews.h"
#include "service_test_support.h"

namespace planscore {
namespace {

namespace fs = std::filesystem;
using service::system_actor;
using testing::everything;
using testing::kEvidence;
using testing::kEvidenceSize;
using testing::populate;
using testing::sha256_hex;

// Rows of `sql` on a database file, through a read-only connection of its own.
std::vector<std::string> query(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::vector<std::string> rows;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK) {
      while (sqlite3_step(statement) == SQLITE_ROW) {
        const unsigned char* text = sqlite3_column_text(statement, 0);
        rows.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
      }
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  return rows;
}

std::int64_t query_number(const std::string& path, const std::string& sql) {
  const auto rows = query(path, sql);
  return rows.empty() ? -1 : std::stoll(rows.front());
}

class BackupRestore : public ::testing::Test {
 protected:
  void SetUp() override {
    if (test::testing_postgresql()) GTEST_SKIP() << "SQLite backup files";
    std::random_device seed;
    dir_ = fs::temp_directory_path() /
           ("planscore-backup-" + std::to_string(seed()) + std::to_string(seed()));
    fs::create_directories(dir_);
    store_ = store::Store::open(path("planscore.db"));
    plan_ = testing::import_shipped_plan(*store_);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
  std::unique_ptr<store::Store> store_;
  core::Plan plan_;
};

TEST_F(BackupRestore, ARestoredBackupHoldsEverythingThatWasSaved) {
  populate(*store_, plan_);
  const std::string original = everything(*store_, plan_);
  const store::DatabaseCounts counts = store_->counts();
  ASSERT_EQ(counts.evidence_files, 1);
  ASSERT_EQ(counts.comments, 2);
  ASSERT_GT(counts.total_records(), 100);

  const auto backup = service::back_up_database(*store_, system_actor(), path("backup.db"), false);
  EXPECT_EQ(backup.counts, counts);
  // The backup is audited in the database it was taken from, after the copy.
  store::AuditQuery newest;
  newest.limit = 1;
  EXPECT_EQ(store_->query_audit(newest).at(0).action, "database.backup");
  EXPECT_EQ(store_->query_audit(newest).at(0).object_id, path("backup.db"));

  auto fresh = store::Store::open(path("restored.db"));
  const auto restored = service::restore_database(*fresh, system_actor(), path("backup.db"), {});
  EXPECT_EQ(restored.counts, counts);
  EXPECT_EQ(restored.previous_kept_at, "");  // an empty database: nothing to keep

  // The restore is the newest entry of the restored trail; the rest is the original's.
  auto entries = fresh->query_audit(newest);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "database.restore");
  EXPECT_EQ(entries[0].object_id, path("backup.db"));
  nlohmann::json restored_everything = nlohmann::json::parse(everything(*fresh, plan_));
  ASSERT_EQ(restored_everything["audit"][0][4], "database.restore");
  restored_everything["audit"].erase(0);
  EXPECT_EQ(restored_everything.dump(1), original);
  // The evidence bytes themselves, not only the hash the store keeps.
  EXPECT_EQ(nlohmann::json::parse(original)["evidence"][0][5],
            sha256_hex(std::string(kEvidence, kEvidenceSize)));
}

TEST_F(BackupRestore, ABackupTakenWhileRecordsAreAddedIsOneConsistentMoment) {
  service::load_demo(*store_, plan_);
  const core::RegisterDef& trainings = *plan_.find_register("records_trainings");
  const std::int64_t first_count = store_->count_records(trainings);
  const std::string created = "SELECT COUNT(*) FROM audit_log WHERE action = 'record.create'";
  const std::int64_t first_created = query_number(path("planscore.db"), created);

  std::mutex mutex;
  std::set<std::int64_t> counts_passed{first_count};
  std::atomic<bool> stop{false};
  std::atomic<int> added{0};
  std::exception_ptr writer_error;
  // Another connection adding records one transaction at a time, as a server would.
  std::thread writer([&] {
    try {
      auto store = store::Store::open(path("planscore.db"));
      while (!stop) {
        const auto result = service::add_record(
            *store, plan_, system_actor(), "records_trainings",
            {{"held_on", "2016-05-01"}, {"title", "同時寫入"}, {"participants", "7"}});
        if (!result.problems.empty()) throw std::runtime_error(core::to_string(result.problems[0]));
        const std::int64_t count = store->count_records(trainings);
        std::lock_guard lock(mutex);
        counts_passed.insert(count);
        ++added;
      }
    } catch (...) {
      writer_error = std::current_exception();
      stop = true;
    }
  });
  while (added < 3 && !stop) std::this_thread::yield();

  // Back up until the writer has visibly moved on across the backups.
  int backups = 0;
  const int added_at_start = added;
  std::vector<std::pair<std::string, store::DatabaseCounts>> copies;
  while (!stop && (backups < 3 || added - added_at_start < 30) && backups < 500) {
    const std::string file = path("backup-" + std::to_string(backups++) + ".db");
    copies.emplace_back(file,
                        service::back_up_database(*store_, system_actor(), file, false).counts);
  }
  stop = true;
  writer.join();
  if (writer_error) std::rethrow_exception(writer_error);
  ASSERT_GE(added - added_at_start, 30);

  std::set<std::int64_t> distinct;
  for (const auto& [file, counts] : copies) {
    SCOPED_TRACE(file);
    EXPECT_EQ(query(file, "PRAGMA integrity_check"), std::vector<std::string>{"ok"});
    const std::int64_t records = query_number(file, "SELECT COUNT(*) FROM reg_records_trainings");
    EXPECT_EQ(counts.records.at("records_trainings"), records);
    EXPECT_TRUE(counts_passed.count(records)) << records
                                              << " records is not a state the writer "
                                                 "passed through";
    // Each record and its audit entry were written in one transaction: a torn copy would
    // hold one without the other.
    EXPECT_EQ(query_number(file, created) - first_created, records - first_count);
    distinct.insert(records);
  }
  EXPECT_GE(distinct.size(), 2u) << "every backup saw the same moment";
  RecordProperty("backups", backups);
  RecordProperty("distinct_moments", static_cast<int>(distinct.size()));
  RecordProperty("records_added", static_cast<int>(added));
}

TEST_F(BackupRestore, ADatabaseWithDataIsReplacedOnlyWhenAskedAndIsKept) {
  populate(*store_, plan_);
  service::back_up_database(*store_, system_actor(), path("backup.db"), false);
  auto other = store::Store::open(path("other.db"));
  testing::import_shipped_plan(*other);
  const store::DatabaseCounts other_before = other->counts();

  try {
    service::restore_database(*other, system_actor(), path("backup.db"), {});
    FAIL() << "restored over a database holding a plan";
  } catch (const service::Failure& failure) {
    EXPECT_EQ(failure.kind, service::FailureKind::conflict);
    EXPECT_NE(std::string(failure.what()).find("1 plan"), std::string::npos) << failure.what();
  }
  EXPECT_EQ(other->counts(), other_before);

  service::RestoreOptions options;
  options.replace_existing = true;
  options.keep_previous_at = path("other.db.before-restore");
  const auto report = service::restore_database(*other, system_actor(), path("backup.db"), options);
  EXPECT_EQ(report.previous_kept_at, path("other.db.before-restore"));
  EXPECT_EQ(store::Store::open(path("other.db.before-restore"))->counts(), other_before);
  EXPECT_EQ(report.counts.total_records(), store_->counts().total_records());
}

TEST_F(BackupRestore, ABadBackupFileIsRefusedNamingItAndNothingIsWritten) {
  std::ofstream(path("garbage.db"), std::ios::binary) << std::string(3000, '\x17') << "garbage";
  auto fresh = store::Store::open(path("fresh.db"));
  const store::DatabaseCounts before = fresh->counts();
  try {
    service::restore_database(*fresh, system_actor(), path("garbage.db"), {});
    FAIL() << "restored garbage";
  } catch (const service::Failure& failure) {
    EXPECT_EQ(failure.kind, service::FailureKind::invalid);
    EXPECT_NE(std::string(failure.what()).find(path("garbage.db")), std::string::npos)
        << failure.what();
  }
  EXPECT_EQ(fresh->counts(), before);
  EXPECT_TRUE(before.empty());
}

TEST_F(BackupRestore, OnlyAdministratorsMayBackUpOrRestore) {
  const core::Actor planner{7, "planner", core::Role::planner, ""};
  EXPECT_THROW(service::back_up_database(*store_, planner, path("backup.db"), false),
               service::Failure);
  EXPECT_FALSE(fs::exists(path("backup.db")));
  service::back_up_database(*store_, system_actor(), path("backup.db"), false);
  EXPECT_THROW(service::restore_database(*store_, planner, path("backup.db"), {}),
               service::Failure);
  // An existing backup file is not overwritten unless asked.
  EXPECT_THROW(service::back_up_database(*store_, system_actor(), path("backup.db"), false),
               service::Failure);
  EXPECT_NO_THROW(service::back_up_database(*store_, system_actor(), path("backup.db"), true));
}

}  // namespace
}  // namespace planscore
