// Register tables: creation, added fields, refused incompatible changes, inserts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "store/register_json.h"
#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class RegisterTablesTest : public TempDirTest {
 protected:
  std::vector<std::string> columns(const std::string& table) { return database().columns(table); }
};

TEST_F(RegisterTablesTest, CreatesOneTableAndTimeIndexPerRegister) {
  auto store = open_store();
  EXPECT_THAT(store->apply_registers({records_trainings(), volunteers(), budget_execution()}),
              IsEmpty());
  EXPECT_THAT(columns("reg_records_trainings"),
              ElementsAre("id:INTEGER", "version:INTEGER", "f_held_on:TEXT", "f_title:TEXT",
                          "f_participants:INTEGER", "f_satisfaction:REAL"));
  EXPECT_THAT(columns("reg_volunteers"),
              ElementsAre("id:INTEGER", "version:INTEGER", "f_name:TEXT", "f_joined:TEXT",
                          "f_left:TEXT", "f_service:TEXT"));
  EXPECT_THAT(database().indexes("reg_volunteers"), ElementsAre("f_joined,f_left"));
  EXPECT_THAT(database().rows("SELECT id FROM registers ORDER BY id"),
              ElementsAre("budget_execution", "records_trainings", "volunteers"));
  // Applying the same registers again changes nothing.
  EXPECT_THAT(store->apply_registers({records_trainings(), volunteers(), budget_execution()}),
              IsEmpty());
}

TEST_F(RegisterTablesTest, AddedFieldBecomesANewColumnAndKeepsRecords) {
  auto store = open_store();
  ASSERT_THAT(store->apply_registers({records_trainings()}), IsEmpty());
  store->insert_records(records_trainings(),
                        {record({"2015-03-01", "研習", integer(40), std::monostate{}})});

  core::RegisterDef grown = records_trainings();
  grown.fields.push_back(field("venue", core::FieldType::text, false));
  EXPECT_THAT(store->apply_registers({grown}), IsEmpty());
  EXPECT_THAT(columns("reg_records_trainings"), Contains("f_venue:TEXT"));
  EXPECT_EQ(store->count_records(grown), 1);
  store->insert_records(grown, {record({"2015-04-01", "研習二", integer(10), 4.5, "大禮堂"})});
  EXPECT_THAT(database().rows("SELECT f_venue FROM reg_records_trainings ORDER BY id"),
              ElementsAre("NULL", "大禮堂"));
}

TEST_F(RegisterTablesTest, TypeChangeWithRecordsIsRefusedAndChangesNothing) {
  auto store = open_store();
  ASSERT_THAT(store->apply_registers({records_trainings(), volunteers()}), IsEmpty());
  store->insert_records(records_trainings(),
                        {record({"2015-03-01", "研習", integer(40), std::monostate{}})});
  const auto schema_before = database().schema();

  core::RegisterDef changed = records_trainings();
  changed.fields[2].type = core::FieldType::decimal;  // participants: integer → decimal
  changed.fields.push_back(field("venue", core::FieldType::text));  // would be added
  core::RegisterDef grown_volunteers = volunteers();
  grown_volunteers.fields.push_back(field("phone", core::FieldType::text));

  const core::Problems problems = store->apply_registers({grown_volunteers, changed});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "registers.records_trainings.fields.participants");
  EXPECT_THAT(problems[0].message, HasSubstr("integer to decimal"));
  EXPECT_EQ(database().schema(), schema_before);
}

TEST_F(RegisterTablesTest, RemovedFieldWithRecordsIsRefused) {
  auto store = open_store();
  ASSERT_THAT(store->apply_registers({records_trainings()}), IsEmpty());
  store->insert_records(records_trainings(), {record({"2015-03-01", "研習", integer(40), 4.0})});
  core::RegisterDef shrunk = records_trainings();
  shrunk.fields.pop_back();
  const core::Problems problems = store->apply_registers({shrunk});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "registers.records_trainings.fields.satisfaction");
  EXPECT_THAT(columns("reg_records_trainings"), Contains("f_satisfaction:REAL"));
}

TEST_F(RegisterTablesTest, IncompatibleChangeOfAnEmptyRegisterRebuildsItsTable) {
  auto store = open_store();
  ASSERT_THAT(store->apply_registers({records_trainings()}), IsEmpty());
  core::RegisterDef changed = records_trainings();
  changed.fields[2].type = core::FieldType::decimal;
  EXPECT_THAT(store->apply_registers({changed}), IsEmpty());
  EXPECT_THAT(columns("reg_records_trainings"), Contains("f_participants:REAL"));
}

TEST_F(RegisterTablesTest, UnsafeIdentifiersAreProblemsNotSql) {
  auto store = open_store();
  core::RegisterDef hostile = records_trainings();
  hostile.id = "x; DROP TABLE plans; --";
  core::RegisterDef hostile_field = volunteers();
  hostile_field.fields[0].id = "name TEXT); DROP TABLE plans; --";
  const core::Problems problems = store->apply_registers({hostile, hostile_field});
  EXPECT_EQ(problems.size(), 2u);
  EXPECT_TRUE(database().has_table("plans"));
  EXPECT_THAT(database().rows("SELECT COUNT(*) FROM registers"), ElementsAre("0"));
}

TEST_F(RegisterTablesTest, TimeFieldMustExistWithTheRightType) {
  auto store = open_store();
  core::RegisterDef missing = records_trainings();
  missing.time_field = "nope";
  core::RegisterDef wrong = budget_execution();
  wrong.time_field = "category";
  EXPECT_EQ(store->apply_registers({missing, wrong}).size(), 2u);
}

TEST_F(RegisterTablesTest, InsertReturnsIdsAndStoresTypedValues) {
  auto store = open_store();
  ASSERT_THAT(store->apply_registers({records_trainings(), procurement_cases()}), IsEmpty());
  const auto ids = store->insert_records(
      records_trainings(), {record({"2015-03-01", "檔案管理研習", integer(40), 4.5}),
                            record({"2015-05-01", "文書研習", integer(60), std::monostate{}}),
                            record({"2015-06-01", "第三場", 12.0, 3.0})});
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_LT(ids[0], ids[1]);
  EXPECT_LT(ids[1], ids[2]);
  EXPECT_EQ(store->count_records(records_trainings()), 3);
  // Whole numbers given as decimals are stored as integers (SQLite would keep 12.0).
  EXPECT_THAT(columns("reg_records_trainings"), Contains("f_participants:INTEGER"));
  EXPECT_THAT(database().rows("SELECT f_participants, f_satisfaction FROM "
                              "reg_records_trainings ORDER BY id"),
              ElementsAre("40|4.5", "60|NULL", "12|" + database().real(3)));
  if (!database().is_postgresql()) {
    EXPECT_THAT(database().rows("SELECT typeof(f_participants) FROM reg_records_trainings"),
                ElementsAre("integer", "integer", "integer"));
  }
  store->insert_records(procurement_cases(),
                        {record({"2015-01-02", "A-1", "案", "秘書處", integer(1)})});
  EXPECT_THAT(database().rows("SELECT f_e_tendering FROM reg_procurement_cases"), ElementsAre("1"));
}

TEST_F(RegisterTablesTest, MisfitValueIsAStoreErrorNamingRecordAndField) {
  auto store = open_store();
  ASSERT_THAT(store->apply_registers({records_trainings()}), IsEmpty());
  try {
    store->insert_records(records_trainings(),
                          {record({"2015-03-01", "ok", integer(1), 1.0}),
                           record({"2015-03-01", "bad", std::string("many"), 1.0})});
    FAIL() << "expected StoreError";
  } catch (const StoreError& error) {
    EXPECT_THAT(error.what(), HasSubstr("record 2"));
    EXPECT_THAT(error.what(), HasSubstr("participants"));
  }
  EXPECT_THROW(store->insert_records(records_trainings(), {record({"2015-03-01"})}), StoreError);
  // The refused batch wrote nothing, and the connection takes the next one (PostgreSQL:
  // the abandoned COPY was ended).
  EXPECT_EQ(store->count_records(records_trainings()), 0);
  store->insert_records(records_trainings(), {record({"2015-03-01", "a", integer(1), 1.0}),
                                              record({"2015-03-02", "b", integer(2), 2.0})});
  EXPECT_EQ(store->count_records(records_trainings()), 2);
}

// A batch goes to PostgreSQL as COPY text: characters that text format escapes, and a
// text that reads like its null marker, come back as they were.
TEST_F(RegisterTablesTest, ABatchKeepsEveryCharacterNullAndNumber) {
  auto store = open_store();
  ASSERT_THAT(store->apply_registers({records_trainings()}), IsEmpty());
  const std::vector<core::Record> records = {
      record({"2015-03-01", "tab\there\nnew\\N", integer(9007199254740993), 0.1}),
      record({"2015-03-02", "line\nbreak\r\n", integer(-5), 1e-7}),
      record({"2015-03-03", "\\N", std::monostate{}, std::monostate{}}),
      record({"2015-03-04", "", integer(0), -2.5}),
      record({"2015-03-05", "\\", integer(1), 123456789.125}),
  };
  const auto ids = store->insert_records(records_trainings(), records);
  ASSERT_EQ(ids.size(), records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto stored = store->find_record(records_trainings(), ids[i]);
    ASSERT_TRUE(stored) << i;
    EXPECT_EQ(stored->record.values, records[i].values) << "record " << i;
    EXPECT_EQ(stored->version, 1);
  }
}

// Records go many to an INSERT; full batches and the rest keep every record, and each id
// names the record given at its position.
TEST_F(RegisterTablesTest, ALargeInsertKeepsEveryRecordInOrder) {
  auto store = open_store();
  ASSERT_THAT(store->apply_registers({records_trainings()}), IsEmpty());
  std::vector<core::Record> records;
  for (int i = 0; i < 1201; ++i) {
    records.push_back(record({"2015-03-01", "第" + std::to_string(i) + "場", integer(i), 4.5}));
  }
  const auto ids = store->insert_records(records_trainings(), records);
  ASSERT_EQ(ids.size(), records.size());
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(store->count_records(records_trainings()), 1201);
  for (const std::size_t i :
       {std::size_t{0}, std::size_t{499}, std::size_t{500}, std::size_t{1200}}) {
    EXPECT_THAT(database().rows("SELECT f_title, f_participants FROM reg_records_trainings "
                                "WHERE id = " +
                                std::to_string(ids[i])),
                ElementsAre("第" + std::to_string(i) + "場|" + std::to_string(i)));
  }
}

// A field's default is part of the stored definition; one stored before defaults existed
// has no "default" key and reads back as a field without one.
TEST(RegisterJson, KeepsAFieldDefaultAndReadsOldDefinitions) {
  core::RegisterDef def = records_trainings();
  def.fields[2].default_value = "1";
  const std::string json = register_to_json(def);
  EXPECT_EQ(register_from_json(json), def);
  EXPECT_EQ(register_to_json(records_trainings()).find("\"default\""), std::string::npos);
  EXPECT_EQ(register_from_json(register_to_json(records_trainings())), records_trainings());
}

TEST(RegisterJson, KeepsAFieldsBoundsOnlyWhenTheyAreSet) {
  core::RegisterDef def = records_trainings();
  def.fields[2].minimum = 0;
  def.fields[2].maximum = 5000;
  EXPECT_EQ(register_from_json(register_to_json(def)), def);
  def.fields[2].minimum.reset();
  EXPECT_EQ(register_from_json(register_to_json(def)), def);
  EXPECT_EQ(register_to_json(def).find("\"min\""), std::string::npos);
}

}  // namespace
}  // namespace planscore::store::testing
