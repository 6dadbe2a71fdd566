// Backing up a PostgreSQL database (pg_dump from one exported snapshot) and restoring it
// into a fresh one (pg_restore in one transaction): everything people entered comes back
// identical, a dump taken while records are added counts exactly what it holds, and a
// file that is not a planscore archive is refused with nothing changed.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "database/test_database.h"
#include "filled_database.h"
#include "service/backup.h"
#include "service/failure.h"
#include "service_test_support.h"

namespace planscore {
namespace {

namespace fs = std::filesystem;
using service::system_actor;
using testing::everything;
using testing::populate;

class PostgresqlBackup : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!test::testing_postgresql()) GTEST_SKIP() << "pg_dump and pg_restore";
    original_ = std::make_unique<testing::TempDatabase>();
    store_ = &original_->store();
    plan_ = testing::import_shipped_plan(*store_);
  }
  std::string path(const std::string& name) const { return original_->path(name); }

  std::unique_ptr<testing::TempDatabase> original_;
  store::Store* store_ = nullptr;
  core::Plan plan_;
};

TEST_F(PostgresqlBackup, ARestoredDumpHoldsEverythingThatWasSaved) {
  populate(*store_, plan_);
  const std::string original = everything(*store_, plan_);
  const store::DatabaseCounts counts = store_->counts();
  ASSERT_EQ(counts.evidence_files, 1);

  const auto backup =
      service::back_up_database(*store_, system_actor(), path("backup.dump"), false);
  EXPECT_EQ(backup.counts, counts);

  test::TestDatabase fresh_database(original_->directory());
  auto fresh = store::Store::open(fresh_database.url());
  const auto restored = service::restore_database(*fresh, system_actor(), path("backup.dump"), {});
  EXPECT_EQ(restored.counts, counts);
  nlohmann::json restored_everything = nlohmann::json::parse(everything(*fresh, plan_));
  ASSERT_EQ(restored_everything["audit"][0][4], "database.restore");
  restored_everything["audit"].erase(0);
  EXPECT_EQ(restored_everything.dump(1), original);
  // New ids continue after the restored ones.
  const auto added =
      service::add_record(*fresh, plan_, system_actor(), "records_trainings",
                          {{"held_on", "2016-05-01"}, {"title", "還原後"}, {"participants", "5"}});
  ASSERT_TRUE(added.problems.empty());
  store::RecordQuery newest;
  newest.limit = 1'000'000;
  std::int64_t highest = 0;
  for (const auto& record :
       store_->list_records(*plan_.find_register("records_trainings"), newest).records) {
    highest = std::max(highest, record.id);
  }
  EXPECT_GT(added.record_id, highest);
}

TEST_F(PostgresqlBackup, ADumpTakenWhileRecordsAreAddedCountsWhatItHolds) {
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    auto store = store::Store::open(original_->url());
    for (int i = 0; !stop; ++i) {
      service::add_record(*store, plan_, system_actor(), "records_trainings",
                          {{"held_on", "2016-05-01"},
                           {"title", "寫入中 " + std::to_string(i)},
                           {"participants", "1"}});
    }
  });
  std::vector<store::DatabaseCounts> reported;
  for (int i = 0; i < 3; ++i) {
    const std::string file = path("during-" + std::to_string(i) + ".dump");
    reported.push_back(service::back_up_database(*store_, system_actor(), file, false).counts);
  }
  stop = true;
  writer.join();
  for (int i = 0; i < 3; ++i) {
    test::TestDatabase copy_database(original_->directory());
    auto copy = store::Store::open(copy_database.url());
    const auto restored = service::restore_database(
        *copy, system_actor(), path("during-" + std::to_string(i) + ".dump"), {});
    EXPECT_EQ(restored.counts, reported[i]) << "dump " << i;
  }
}

TEST_F(PostgresqlBackup, AFileThatIsNotAnArchiveIsRefusedAndNothingChanges) {
  populate(*store_, plan_);
  const auto counts = store_->counts();
  std::ofstream(path("garbage.dump")) << "not an archive";
  for (const std::string& file : {path("garbage.dump"), path("missing.dump")}) {
    try {
      service::restore_database(*store_, system_actor(), file, {true, path("kept.dump")});
      FAIL() << "expected a refusal of " << file;
    } catch (const service::Failure& failure) {
      EXPECT_EQ(failure.kind, service::FailureKind::invalid);
      EXPECT_NE(std::string(failure.what()).find(file), std::string::npos) << failure.what();
    }
    EXPECT_EQ(store_->counts(), counts);
  }
  EXPECT_FALSE(fs::exists(path("kept.dump")));
}

}  // namespace
}  // namespace planscore
