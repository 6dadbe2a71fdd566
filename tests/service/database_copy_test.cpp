// `planscore db copy`: a database moved to another backend holds everything the original
// did (records, audit trail, evidence bytes, reviews, comments, values, accounts, every
// year's evaluation), keeps handing out new ids after the old ones, and only an empty
// database is copied into. On a PostgreSQL run the copy goes from an SQLite file into
// PostgreSQL and back into a new SQLite file.
#include "service/database_copy.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "database/test_database.h"
#include "filled_database.h"
#include "service/failure.h"
#include "service_test_support.h"

namespace planscore {
namespace {

namespace fs = std::filesystem;
using service::system_actor;
using testing::everything;
using testing::populate;

class DatabaseCopy : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device seed;
    dir_ = fs::temp_directory_path() /
           ("planscore-copy-" + std::to_string(seed()) + std::to_string(seed()));
    fs::create_directories(dir_);
    original_ = store::Store::open((dir_ / "original.db").string());
    plan_ = testing::import_shipped_plan(*original_);
    target_ = std::make_unique<test::TestDatabase>(dir_, "copy.db");
  }
  void TearDown() override {
    original_.reset();
    target_.reset();
    fs::remove_all(dir_);
  }

  fs::path dir_;
  std::unique_ptr<store::Store> original_;
  std::unique_ptr<test::TestDatabase> target_;
  core::Plan plan_;
};

TEST_F(DatabaseCopy, TheCopyHoldsEverythingAndTheWayBackToo) {
  populate(*original_, plan_);
  const std::string before = everything(*original_, plan_);

  auto copy = store::Store::open(target_->url());
  const service::CopyReport report = service::copy_database(*original_, *copy);
  EXPECT_EQ(report.counts, original_->counts());
  EXPECT_EQ(report.evidence_files, 1);
  EXPECT_EQ(report.evaluated_years, 4);
  EXPECT_GT(report.audit_entries, 5);
  EXPECT_EQ(everything(*copy, plan_), before);

  auto back = store::Store::open((dir_ / "back.db").string());
  service::copy_database(*copy, *back);
  EXPECT_EQ(everything(*back, plan_), before);
}

TEST_F(DatabaseCopy, IdsDeletedInTheOriginalAreNotHandedOutAgain) {
  const auto& trainings = *plan_.find_register("records_trainings");
  const auto add = [&](store::Store& store, const std::string& title) {
    const auto added =
        service::add_record(store, plan_, system_actor(), "records_trainings",
                            {{"held_on", "2016-05-01"}, {"title", title}, {"participants", "3"}});
    EXPECT_TRUE(added.problems.empty());
    return added.record_id;
  };
  add(*original_, "留下");
  const std::int64_t last = add(*original_, "刪除");
  ASSERT_TRUE(original_->delete_record(trainings, last, 1));

  auto copy = store::Store::open(target_->url());
  service::copy_database(*original_, *copy);
  EXPECT_GT(add(*copy, "新的"), last);
  EXPECT_GT(add(*original_, "新的"), last);
}

TEST_F(DatabaseCopy, OnlyAnEmptyDatabaseIsCopiedInto) {
  auto copy = store::Store::open(target_->url());
  testing::import_shipped_plan(*copy);
  const auto counts = copy->counts();
  try {
    service::copy_database(*original_, *copy);
    FAIL() << "expected a conflict";
  } catch (const service::Failure& failure) {
    EXPECT_EQ(failure.kind, service::FailureKind::conflict);
  }
  EXPECT_EQ(copy->counts(), counts);
}

}  // namespace
}  // namespace planscore
