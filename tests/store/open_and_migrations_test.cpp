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
using ::testing::Not;

class OpenTest : public TempDirTest {};

TEST_F(OpenTest, CreatesTheDatabaseAndAppliesEveryMigrationOnce) {
  const bool file = !database().is_postgresql();
  EXPECT_FALSE(file && fs::exists(db_url()));
  open_store();
  EXPECT_TRUE(!file || fs::exists(db_url()));
  const std::size_t migration_count = migrations(sqlite_dialect()).size();
  EXPECT_THAT(database().rows("SELECT COUNT(*) FROM schema_migrations"),
              ElementsAre(std::to_string(migration_count)));

  open_store();  // reopening applies nothing new and fails on nothing existing
  open_store();
  EXPECT_THAT(database().rows("SELECT COUNT(*) FROM schema_migrations"),
              ElementsAre(std::to_string(migration_count)));
  for (const char* table : {"plans", "registers", "manual_values", "audit_log"}) {
    EXPECT_TRUE(database().has_table(table)) << table;
  }
}

TEST_F(OpenTest, UsesWriteAheadLogging) {
  if (database().is_postgresql()) GTEST_SKIP() << "an SQLite setting";
  open_store();
  EXPECT_THAT(database().rows("PRAGMA journal_mode"), ElementsAre("wal"));
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
  try {
    Store::open("mysql://localhost/planscore");
    FAIL() << "expected StoreError";
  } catch (const StoreError& error) {
    EXPECT_THAT(error.what(), HasSubstr("postgresql://"));
  }
  EXPECT_THROW(Store::open(""), StoreError);
}

TEST_F(OpenTest, AnUnreachablePostgresqlServerIsUnavailableAndThePasswordStaysSecret) {
  // Port 1 on loopback: nothing listens there.
  try {
    Store::open("postgresql://planscore:s3cret@127.0.0.1:1/planscore?connect_timeout=5");
    FAIL() << "expected StoreError";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.kind, StoreErrorKind::unavailable);
    EXPECT_THAT(error.what(), HasSubstr("postgresql://planscore@127.0.0.1:1/planscore"));
    EXPECT_THAT(error.what(), Not(HasSubstr("s3cret")));
  }
}

TEST(DatabaseUrlTest, ThePasswordIsLeftOutOfUrlsShownToPeople) {
  EXPECT_EQ(url_without_password("postgresql://u:p@h:5432/db"), "postgresql://u@h:5432/db");
  EXPECT_EQ(url_without_password("postgresql://u@h/db"), "postgresql://u@h/db");
  EXPECT_EQ(url_without_password("postgresql://h/db?x=a@b"), "postgresql://h/db?x=a@b");
  EXPECT_EQ(url_without_password("data/planscore.db"), "data/planscore.db");
  EXPECT_TRUE(is_postgresql_url("postgres://h/db"));
  EXPECT_FALSE(is_postgresql_url("sqlite:postgresql.db"));
}

}  // namespace
}  // namespace planscore::store::testing
