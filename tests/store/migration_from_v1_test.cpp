// A database made at schema version 1 (plans, registers, manual values; register tables
// without record versions) opens under the current program with its data intact.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/migrations.h"
#include "store/register_json.h"
#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

class MigrationFromV1Test : public TempDirTest {
 protected:
  // Version 1 of the program knew only SQLite.
  void SetUp() override {
    TempDirTest::SetUp();
    if (test::testing_postgresql()) GTEST_SKIP() << "version 1 databases are SQLite files";
  }
  // What version 1 of the program left behind: migration 1 only, a register table in
  // its shape of the time, a record, a plan and a manual value.
  void make_v1_database() {
    const Migration first = migrations(sqlite_dialect()).at(0);
    ASSERT_EQ(first.version, 1);
    std::string script = "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY);";
    for (const std::string& statement : first.statements) script += statement + ";";
    script += "INSERT INTO schema_migrations (version) VALUES (1);";
    script +=
        "CREATE TABLE reg_records_trainings (id INTEGER PRIMARY KEY, f_held_on TEXT, f_title "
        "TEXT, f_participants INTEGER, f_satisfaction REAL);";
    script +=
        "INSERT INTO reg_records_trainings (f_held_on, f_title, f_participants, f_satisfaction) "
        "VALUES ('2015-03-01', '舊研習', 40, 4.5);";
    script +=
        "INSERT INTO plans VALUES ('taichung', '秘書處', '{}', 3, 1, '2026-01-01T00:00:00Z');";
    script += "INSERT INTO manual_values VALUES ('taichung', 'b5-1', 104, 180, '人工填報');";
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_url().c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    const int status = sqlite3_exec(db, script.c_str(), nullptr, nullptr, &message);
    const std::string error = message != nullptr ? message : "";
    sqlite3_free(message);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO registers (id, definition) VALUES (?1, ?2)", -1, &insert,
                       nullptr);
    const std::string definition = register_to_json(records_trainings());
    sqlite3_bind_text(insert, 1, "records_trainings", -1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, definition.c_str(), -1, SQLITE_STATIC);
    const int inserted = sqlite3_step(insert);
    sqlite3_finalize(insert);
    sqlite3_close(db);
    ASSERT_EQ(status, SQLITE_OK) << error;
    ASSERT_EQ(inserted, SQLITE_DONE);
  }
  std::vector<std::string> columns(const std::string& table) {
    return database().rows("SELECT name FROM pragma_table_info('" + table + "')");
  }
};

TEST_F(MigrationFromV1Test, OpensWithEveryTableAndTheOldDataIntact) {
  make_v1_database();
  auto store = open_store();
  EXPECT_THAT(database().rows("SELECT version FROM schema_migrations ORDER BY version"),
              ElementsAre("1", "2", "3", "4", "5"));
  EXPECT_THAT(
      test::sqlite_rows(db_url(),
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN "
                        "('users', 'sessions', 'login_failures', 'audit_log', 'reviews', "
                        "'comments', 'evidence', 'year_locks', 'data_version', 'maintained_terms', "
                        "'term_totals', 'term_values') ORDER BY name"),
      ElementsAre("audit_log", "comments", "data_version", "evidence", "login_failures",
                  "maintained_terms", "reviews", "sessions", "term_totals", "term_values", "users",
                  "year_locks"));
  EXPECT_EQ(store->data_version(), 1);
  // Migration 4 keeps failed logins as one time each instead of a count per key.
  EXPECT_THAT(columns("login_failures"), ElementsAre("key", "failed_at"));
  // Migration 5: accounts made before it need no password change.
  EXPECT_THAT(columns("users"), Contains("must_change_password"));
  EXPECT_EQ(store->current_plan_version()->version, 3);

  const auto values = store->manual_values("taichung");
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(values[0].version, 1);
  EXPECT_EQ(store->save_manual_value("taichung", {"b5-1", 104, 181, "更正"}, 1), 2);
}

TEST_F(MigrationFromV1Test, OldRegisterTablesGetRecordVersionsOnOpen) {
  make_v1_database();
  ASSERT_THAT(columns("reg_records_trainings"), Not(Contains("version")));
  auto store = open_store();
  EXPECT_THAT(columns("reg_records_trainings"), Contains("version"));
  const RecordPage page = store->list_records(records_trainings(), {});
  ASSERT_EQ(page.records.size(), 1u);
  EXPECT_EQ(page.records[0].version, 1);
  EXPECT_EQ(std::get<std::string>(page.records[0].record.values[1]), "舊研習");
  EXPECT_EQ(store->update_record(records_trainings(), page.records[0].id,
                                 record({"2015-03-01", "新研習", integer(41), 4.5}), 1),
            2);
  // Applying the same registers again finds nothing left to do.
  EXPECT_THAT(store->apply_registers({records_trainings()}), IsEmpty());
  open_store();
  EXPECT_EQ(store->find_record(records_trainings(), page.records[0].id)->version, 2);
}

TEST_F(MigrationFromV1Test, TheAuditLogIsAppendOnlyAfterUpgrade) {
  make_v1_database();
  auto store = open_store();
  store->append_audit({0, "t", 0, "", "migrate", "database", "", "", "", ""});
  EXPECT_NE(database().exec("DELETE FROM audit_log"), "");
  EXPECT_EQ(store->query_audit({}).size(), 1u);
}

TEST_F(MigrationFromV1Test, ApplyingRegistersAddsAMissingVersionColumn) {
  {
    auto store = open_store();
    ASSERT_THAT(store->apply_registers({records_trainings()}), IsEmpty());
    store->insert_records(records_trainings(), {record({"2015-03-01", "研習", integer(1), 1.0})});
  }
  // The column gone while a store is already open (as if a v1 program made the table).
  auto store = open_store();
  ASSERT_EQ(database().exec("ALTER TABLE reg_records_trainings DROP COLUMN version"), "");
  core::RegisterDef grown = records_trainings();
  grown.fields.push_back(field("venue", core::FieldType::text, false));
  EXPECT_THAT(store->apply_registers({grown}), IsEmpty());
  EXPECT_THAT(columns("reg_records_trainings"), Contains("version"));
  EXPECT_THAT(database().rows("SELECT version, f_title FROM reg_records_trainings"),
              ElementsAre("1|研習"));
}

}  // namespace
}  // namespace planscore::store::testing
