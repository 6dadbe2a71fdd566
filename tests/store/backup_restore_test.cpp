// Store::backup_to and Store::restore_from on SQLite: the copy is one checked file that
// gets its name only when complete, and a backup file that is not whole, not planscore's
// or from a newer schema is refused before anything is written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "store/migrations.h"
#include "store/register_json.h"
#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

EvidenceRow evidence_file(std::string content) {
  EvidenceRow row;
  row.plan_id = "taichung";
  row.indicator_id = "b1-1";
  row.year = 105;
  row.file_name = "proof.pdf";
  row.content_type = "application/pdf";
  row.sha256 = "ab12";
  row.content = std::move(content);
  row.uploaded_by = 1;
  row.uploaded_at = "2026-11-27T08:00:00Z";
  return row;
}

AuditEntry audit_entry(std::string action) {
  AuditEntry entry;
  entry.at = "2026-11-27T08:00:00Z";
  entry.username = "system";
  entry.action = std::move(action);
  entry.object_type = "record";
  entry.object_id = "records_trainings/1";
  return entry;
}

class BackupRestoreTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    if (test::testing_postgresql()) GTEST_SKIP() << "SQLite backup files";
    store_ = open_store();
  }
  void TearDown() override {
    store_.reset();
    TempDirTest::TearDown();
  }

  // A plan, two registers with records, a manual value, an audit entry and evidence.
  void fill(Store& store, int trainings) {
    ASSERT_TRUE(store.save_plan("taichung", "秘書處", "{}", 0));
    ASSERT_THAT(store.apply_registers({records_trainings(), volunteers()}), IsEmpty());
    std::vector<core::Record> records;
    for (int i = 0; i < trainings; ++i)
      records.push_back(record(
          {std::string("2015-03-01"), std::string("研習"), integer(10 + i), std::monostate{}}));
    store.insert_records(records_trainings(), records);
    store.insert_records(volunteers(), {record({std::string("王小明"), std::string("2015-01-01"),
                                                std::monostate{}, std::string("導覽")})});
    store.set_manual_value("taichung", {"b5-1", 104, 180, "人工填報", 0});
    store.append_audit(audit_entry("record.create"));
    store.add_evidence(evidence_file(std::string("%PDF-1.4\0\xff binary", 17)));
  }

  std::vector<std::string> files_in_directory() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(fs::path(db_url()).parent_path()))
      names.push_back(entry.path().filename().string());
    return names;
  }

  // A plain SQLite database (created if missing) changed through another connection.
  void make_database(const std::string& path, const std::string& script) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    const int status = sqlite3_exec(db, script.c_str(), nullptr, nullptr, &message);
    const std::string error = message != nullptr ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    EXPECT_EQ(status, SQLITE_OK) << error << " in " << path;
  }

  std::unique_ptr<Store> store_;
};

TEST_F(BackupRestoreTest, BackupIsOneCheckedFileHoldingEverything) {
  fill(*store_, 3);
  const DatabaseCounts counts = store_->backup_to(path("copy.db"), false);
  EXPECT_EQ(counts.schema_version, migrations(sqlite_dialect()).back().version);
  EXPECT_EQ(counts.records,
            (std::map<std::string, std::int64_t>{{"records_trainings", 3}, {"volunteers", 1}}));
  EXPECT_EQ(counts.plans, 1);
  EXPECT_EQ(counts.manual_values, 1);
  EXPECT_EQ(counts.audit_entries, 1);
  EXPECT_EQ(counts.evidence_files, 1);
  EXPECT_EQ(counts, store_->counts());
  // A self-contained file: rollback-journal mode in its header (bytes 18 and 19 are 1;
  // 2 would mean WAL), no WAL or temporary file beside it.
  const std::string header = read_bytes(path("copy.db")).substr(0, 20);
  EXPECT_EQ(header.substr(0, 16), std::string("SQLite format 3\0", 16));
  EXPECT_EQ(header[18], 1);
  EXPECT_EQ(header[19], 1);
  EXPECT_THAT(files_in_directory(), UnorderedElementsAre("planscore.db", "planscore.db-wal",
                                                         "planscore.db-shm", "copy.db"));
  EXPECT_EQ(test::sqlite_rows(path("copy.db"), "PRAGMA integrity_check"),
            std::vector<std::string>{"ok"});
  EXPECT_EQ(test::sqlite_rows(path("copy.db"), "SELECT hex(content) FROM evidence"),
            std::vector<std::string>{"255044462D312E3400FF2062696E617279"});
}

TEST_F(BackupRestoreTest, AnExistingFileIsReplacedOnlyWhenAsked) {
  fill(*store_, 1);
  write_bytes(path("copy.db"), "keep me");
  EXPECT_THROW(store_->backup_to(path("copy.db"), false), StoreError);
  EXPECT_EQ(read_bytes(path("copy.db")), "keep me");
  EXPECT_EQ(store_->backup_to(path("copy.db"), true).total_records(), 2);
  EXPECT_EQ(test::sqlite_rows(path("copy.db"), "SELECT COUNT(*) FROM reg_records_trainings"),
            std::vector<std::string>{"1"});
  EXPECT_FALSE(fs::exists(path("copy.db.tmp")));
}

TEST_F(BackupRestoreTest, RestoreBringsBackTheContentAndKeepsWhatItReplaces) {
  fill(*store_, 4);
  const DatabaseCounts saved = store_->backup_to(path("copy.db"), false);
  store_->insert_records(
      records_trainings(),
      {record({std::string("2016-01-01"), std::string("後來的"), integer(1), std::monostate{}})});
  const DatabaseCounts replaced = store_->counts();
  const std::int64_t data_version_before = store_->data_version();

  const RestoreResult result = store_->restore_from(path("copy.db"), path("kept.db"));
  EXPECT_EQ(result.refused, "");
  EXPECT_EQ(result.counts, saved);
  // This connection sees the restored content, and caches see a new data version.
  EXPECT_EQ(store_->count_records(records_trainings()), 4);
  EXPECT_GT(store_->data_version(), data_version_before);
  ASSERT_TRUE(store_->find_evidence(1));
  EXPECT_EQ(store_->find_evidence(1)->content, std::string("%PDF-1.4\0\xff binary", 17));
  // What was there before the restore is kept as a backup of its own.
  auto kept = Store::open(path("kept.db"));
  EXPECT_EQ(kept->counts(), replaced);
  // The staged copy is gone.
  for (const std::string& name : files_in_directory())
    EXPECT_THAT(name, ::testing::Not(HasSubstr(".restore-"))) << name;
}

TEST_F(BackupRestoreTest, ABackupFromAnOlderSchemaIsMigrated) {
  const Migration first = migrations(sqlite_dialect()).at(0);
  std::string script = "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY);";
  for (const std::string& statement : first.statements) script += statement + ";";
  script += "INSERT INTO schema_migrations (version) VALUES (1);";
  script +=
      "CREATE TABLE reg_records_trainings (id INTEGER PRIMARY KEY, f_held_on TEXT, f_title "
      "TEXT, f_participants INTEGER, f_satisfaction REAL);";
  script +=
      "INSERT INTO reg_records_trainings (f_held_on, f_title, f_participants) VALUES "
      "('2015-03-01', '舊研習', 40);";
  script += "INSERT INTO registers VALUES ('records_trainings', '" +
            register_to_json(records_trainings()) + "');";
  script += "INSERT INTO plans VALUES ('taichung', '秘書處', '{}', 3, 1, '2026-01-01T00:00:00Z');";
  make_database(path("v1.db"), script);

  const RestoreResult result = store_->restore_from(path("v1.db"), "");
  EXPECT_EQ(result.refused, "");
  EXPECT_EQ(result.counts.schema_version, migrations(sqlite_dialect()).back().version);
  EXPECT_EQ(result.counts.records.at("records_trainings"), 1);
  ASSERT_TRUE(store_->find_record(records_trainings(), 1));
  EXPECT_EQ(store_->find_record(records_trainings(), 1)->version, 1);
  // The backup file itself is not touched: it still says version 1.
  EXPECT_EQ(test::sqlite_rows(path("v1.db"), "SELECT MAX(version) FROM schema_migrations"),
            std::vector<std::string>{"1"});
}

class RefusedBackupTest : public BackupRestoreTest {
 protected:
  void SetUp() override {
    BackupRestoreTest::SetUp();
    if (IsSkipped()) return;
    fill(*store_, 2);
    before_ = store_->counts();
    files_before_ = files_in_directory();
  }
  // The refusal names the file and says why; the database and the directory are as before.
  void expect_refused(const std::string& file, const std::string& reason) {
    const RestoreResult result = store_->restore_from(file, path("kept.db"));
    EXPECT_THAT(result.refused, HasSubstr("'" + file + "'"));
    EXPECT_THAT(result.refused, HasSubstr(reason));
    EXPECT_EQ(store_->counts(), before_);
    EXPECT_THAT(files_in_directory(),
                UnorderedElementsAre("planscore.db", "planscore.db-wal", "planscore.db-shm",
                                     fs::path(file).filename().string()));
  }
  DatabaseCounts before_;
  std::vector<std::string> files_before_;
};

TEST_F(RefusedBackupTest, GarbageIsNotADatabase) {
  std::string garbage;
  for (int i = 0; i < 5000; ++i) garbage.push_back(static_cast<char>(i * 7919 % 251));
  write_bytes(path("garbage.db"), garbage);
  expect_refused(path("garbage.db"), "not an SQLite database");
}

TEST_F(RefusedBackupTest, AHalfBackupIsDamaged) {
  // Big enough that half of it still holds the header and a good part of the tables.
  std::vector<core::Record> many;
  for (int i = 0; i < 3000; ++i)
    many.push_back(record(
        {std::string("2015-03-01"), std::string("研習 " + std::to_string(i)), integer(i), 4.5}));
  store_->insert_records(records_trainings(), many);
  before_ = store_->counts();
  store_->backup_to(path("whole.db"), false);
  const std::string whole = read_bytes(path("whole.db"));
  ASSERT_GT(whole.size(), 8u * 4096);
  write_bytes(path("half.db"), whole.substr(0, whole.size() / 2));
  fs::remove(path("whole.db"));
  expect_refused(path("half.db"), "damaged");
}

TEST_F(RefusedBackupTest, ACorruptPageIsDamaged) {
  store_->backup_to(path("copy.db"), false);
  std::string bytes = read_bytes(path("copy.db"));
  // Overwrite the header of every page but the first: its b-tree page type is invalid.
  for (std::size_t page = 4096; page + 4096 <= bytes.size(); page += 4096)
    for (std::size_t i = page; i < page + 8; ++i) bytes[i] = '\x5a';
  write_bytes(path("copy.db"), bytes);
  expect_refused(path("copy.db"), "damaged");
}

TEST_F(RefusedBackupTest, AnIndexThatDisagreesWithItsTableIsDamaged) {
  // Every query still answers; only the integrity check sees that the index holds other
  // values than its definition says.
  store_->backup_to(path("copy.db"), false);
  make_database(path("copy.db"),
                "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = replace(sql, "
                "'audit_log (at)', 'audit_log (action)') WHERE name = 'audit_log_by_time';");
  ASSERT_EQ(test::sqlite_rows(path("copy.db"), "SELECT COUNT(*) FROM audit_log"),
            std::vector<std::string>{"1"});
  expect_refused(path("copy.db"), "damaged");
}

TEST_F(RefusedBackupTest, AnotherProgramsDatabaseIsNotABackup) {
  make_database(path("other.db"),
                "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');");
  expect_refused(path("other.db"), "not a planscore backup");
}

TEST_F(RefusedBackupTest, AnEmptyFileIsNotABackup) {
  write_bytes(path("empty.db"), "");
  expect_refused(path("empty.db"), "not a planscore backup");
}

TEST_F(RefusedBackupTest, ABackupFromANewerSchemaIsRefused) {
  store_->backup_to(path("newer.db"), false);
  make_database(path("newer.db"), "INSERT INTO schema_migrations (version) VALUES (99)");
  expect_refused(path("newer.db"), "newer planscore (schema version 99; this build knows up to " +
                                       std::to_string(migrations(sqlite_dialect()).back().version));
}

TEST_F(RefusedBackupTest, AMissingFileIsRefused) {
  const RestoreResult result = store_->restore_from(path("missing.db"), path("kept.db"));
  EXPECT_THAT(result.refused, HasSubstr("missing.db"));
  EXPECT_EQ(store_->counts(), before_);
  EXPECT_EQ(files_in_directory(), files_before_);
}

}  // namespace
}  // namespace planscore::store::testing
