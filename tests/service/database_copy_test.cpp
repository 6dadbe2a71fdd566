// `planscore db copy`: a database moved to another backend holds everything the original
// did (records, audit trail, evidence bytes, reviews, comments, values, accounts, every
// year's evaluation), keeps handing out new ids after the old ones, and only an empty
// database is copied into. On a PostgreSQL run the copy goes from an SQLite file into
// PostgreSQL and back into a new SQLite file.
#include "service/database_copy.h"

#include <gtest/gtest.h>

#include "database/test_database.h"
#include "filled_database.h"
#include "service/failure.h"
#include "service_test_support.h"

namespace planscore {
namespace {

using service::system_actor;
using testing::everything;
using testing::populate;

class DatabaseCopy : public ::testing::Test {
 protected:
  void SetUp() override {
    original_ = store::Store::open(target_.path("original.db"));
    plan_ = testing::import_shipped_plan(*original_);
  }

  // The database copied into (PostgreSQL on a PostgreSQL run), opened by the tests.
  testing::TempDatabase target_;
  std::unique_ptr<store::Store> original_;
  core::Plan plan_;
};

TEST_F(DatabaseCopy, TheCopyHoldsEverythingAndTheWayBackToo) {
  populate(*original_, plan_);
  const std::string before = everything(*original_, plan_);

  store::Store& copy = target_.store();
  const service::CopyReport report = service::copy_database(*original_, copy);
  EXPECT_EQ(report.counts, original_->counts());
  EXPECT_EQ(report.evidence_files, 1);
  EXPECT_EQ(report.evaluated_years, 4);
  EXPECT_GT(report.audit_entries, 5);
  EXPECT_EQ(everything(copy, plan_), before);

  auto back = store::Store::open(target_.path("back.db"));
  service::copy_database(copy, *back);
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

  store::Store& copy = target_.store();
  service::copy_database(*original_, copy);
  EXPECT_GT(add(copy, "新的"), last);
  EXPECT_GT(add(*original_, "新的"), last);
}

TEST_F(DatabaseCopy, OnlyAnEmptyDatabaseIsCopiedInto) {
  store::Store& copy = target_.store();
  testing::import_shipped_plan(copy);
  const auto counts = copy.counts();
  try {
    service::copy_database(*original_, copy);
    FAIL() << "expected a conflict";
  } catch (const service::Failure& failure) {
    EXPECT_EQ(failure.kind, service::FailureKind::conflict);
  }
  EXPECT_EQ(copy.counts(), counts);
}

}  // namespace
}  // namespace planscore
