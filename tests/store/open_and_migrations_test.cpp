// Opening a database: URL forms, connection settings, migrations run once.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "store/migrations.h"
#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class OpenTest : public TempDirTest {};

TEST_F(OpenTest, CreatesTheFileAndAppliesEveryMigrationOnce) {
  ASSERT_FALSE(fs::exists(db_path()));
  open_store();
  EXPECT_TRUE(fs::exists(db_path()));
  const std::size_t migration_count = migrations(sqlite_dialect()).size();
  EXPECT_THAT(sqlite_rows(db_path(), "SELECT COUNT(*) FROM schema_migrations"),
              ElementsAre(std::to_string(migration_count)));

  open_store();  // reopening applies nothing new and fails on nothing existing
  open_store();
  EXPECT_THAT(sqlite_rows(db_path(), "SELECT COUNT(*) FROM schema_migrations"),
              ElementsAre(std::to_string(migration_count)));
  EXPECT_THAT(sqlite_rows(db_path(),
                          "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN "
                          "('plans', 'registers', 'manual_values') ORDER BY name"),
              ElementsAre("manual_values", "plans", "registers"));
}

TEST_F(OpenTest, UsesWriteAheadLogging) {
  open_store();
  EXPECT_THAT(sqlite_rows(db_path(), "PRAGMA journal_mode"), ElementsAre("wal"));
}

TEST_F(OpenTest, AcceptsSqliteUrlAndPathsWithSpaces) {
  const std::string spaced = path("with space 空白.db");
  auto store = Store::open("sqlite:" + spaced);
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(fs::exists(spaced));
  EXPECT_FALSE(store->current_plan().has_value());
}

TEST_F(OpenTest, MissingDirectoryIsAStoreErrorNamingThePath) {
  const std::string missing = path("no/such/dir/planscore.db");
  try {
    Store::open(missing);
    FAIL() << "expected StoreError";
  } catch (const StoreError& error) {
    EXPECT_THAT(error.what(), HasSubstr(missing));
  }
}

TEST_F(OpenTest, ANonDatabaseFileIsAStoreErrorNamingThePath) {
  const std::string garbage = path("garbage.db");
  std::ofstream(garbage) << std::string(4096, 'x');
  try {
    Store::open(garbage);
    FAIL() << "expected StoreError";
  } catch (const StoreError& error) {
    EXPECT_THAT(error.what(), HasSubstr(garbage));
  }
}

TEST_F(OpenTest, UnsupportedUrlIsRefused) {
  EXPECT_THROW(Store::open("postgresql://localhost/planscore"), StoreError);
  EXPECT_THROW(Store::open(""), StoreError);
}

}  // namespace
}  // namespace planscore::store::testing
