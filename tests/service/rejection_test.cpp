// Every rejection writes nothing: a bad plan, a CSV with bad rows, a bad record, a bad
// manual value.
#include <gtest/gtest.h>

#include "service/audit.h"
#include "service/evaluation.h"
#include "service/failure.h"
#include "service/manual_values.h"
#include "service/plans.h"
#include "service/records.h"
#include "service_test_support.h"

namespace planscore {
namespace {

class Rejections : public ::testing::Test {
 protected:
  void SetUp() override { plan_ = testing::import_shipped_plan(db_.store()); }
  std::int64_t trainings() {
    return db_.store().count_records(*plan_.find_register("records_trainings"));
  }

  testing::TempDatabase db_;
  core::Plan plan_;
};

TEST_F(Rejections, CsvWithBadRowsWritesNothingAndReportsEveryBadRow) {
  const std::string csv =
      "\xEF\xBB\xBF日期,研習名稱,參加人數\n"
      "104/03/15,檔案管理研習,60\n"
      "2015-02-30,文書處理研習,40\n"
      "2015-04-01,公文研習,many\n"
      "2015-05-01,,30\n";
  auto report =
      service::import_csv(db_.store(), plan_, service::system_actor(), "records_trainings", csv);
  EXPECT_FALSE(report.ok());
  EXPECT_EQ(report.imported, 0);
  ASSERT_EQ(report.rows.size(), 3u);
  EXPECT_EQ(report.rows[0].row, 2);
  EXPECT_EQ(report.rows[0].column, "日期");
  EXPECT_EQ(report.rows[0].value, "2015-02-30");
  EXPECT_EQ(report.rows[1].column, "參加人數");
  EXPECT_EQ(report.rows[2].column, "研習名稱");
  EXPECT_EQ(trainings(), 0);
}

// Rows are checked a chunk ahead of the writes: a bad row in the last chunk turns up after
// the earlier chunks were written, and those go with the transaction.
TEST_F(Rejections, ABadRowAfterRecordsWereWrittenLeavesNothingWritten) {
  constexpr int kRows = 120'001;
  std::string csv = "held_on,title,participants\n";
  for (int i = 1; i < kRows; ++i) csv += "2015-03-01,研習" + std::to_string(i) + ",10\n";
  const std::string good = csv + "2015-03-02,最後一場,20\n";
  csv += "2015-03-02,最後一場,many\n";
  auto report =
      service::import_csv(db_.store(), plan_, service::system_actor(), "records_trainings", csv);
  ASSERT_EQ(report.rows.size(), 1u);
  EXPECT_EQ(report.rows[0].row, kRows);
  EXPECT_EQ(report.rows[0].line, kRows + 1);
  EXPECT_EQ(report.imported, 0);
  EXPECT_EQ(report.valid_rows, 0);
  EXPECT_EQ(trainings(), 0);
  store::AuditQuery imports;
  imports.object_type = "register";
  EXPECT_TRUE(service::read_audit(db_.store(), service::system_actor(), imports).empty());

  report =
      service::import_csv(db_.store(), plan_, service::system_actor(), "records_trainings", good);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report.imported, kRows);
  EXPECT_EQ(trainings(), kRows);
  const auto trail = service::read_audit(db_.store(), service::system_actor(), imports);
  ASSERT_EQ(trail.size(), 1u);
  EXPECT_NE(trail[0].after.find("\"records\":\"120001\""), std::string::npos) << trail[0].after;
  EXPECT_DOUBLE_EQ(*service::evaluate_year(db_.store(), plan_, 104).indicators.front().actual.value,
                   (kRows - 1) * 10.0 + 20.0);
}

TEST_F(Rejections, ValidCsvImportsEveryRowWithRocDates) {
  auto report = service::import_csv(
      db_.store(), plan_, service::system_actor(), "records_trainings",
      "held_on,title,participants\n104/03/15,檔案管理研習,60\n2015-04-01,公文研習,\"1,229\"\n");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report.imported, 2);
  EXPECT_EQ(trainings(), 2);
  auto evaluation = service::evaluate_year(db_.store(), plan_, 104);
  EXPECT_DOUBLE_EQ(*evaluation.indicators.front().actual.value, 1289);
}

TEST_F(Rejections, UnknownAndMissingColumnsAreReportedBeforeAnyRow) {
  auto report = service::import_csv(db_.store(), plan_, service::system_actor(),
                                    "records_trainings", "held_on,titel\n2015-01-01,x\n");
  ASSERT_FALSE(report.file_problems.empty());
  EXPECT_NE(report.file_problems[0].message.find("titel"), std::string::npos);
  bool missing_reported = false;
  for (const auto& problem : report.file_problems)
    missing_reported =
        missing_reported || problem.message.find("participants") != std::string::npos;
  EXPECT_TRUE(missing_reported);
  EXPECT_EQ(trainings(), 0);
}

TEST_F(Rejections, UnknownRegisterIsAnError) {
  EXPECT_THROW(service::import_csv(db_.store(), plan_, service::system_actor(), "nope", "a\n1\n"),
               service::Failure);
}

TEST_F(Rejections, BadRecordIsNotAdded) {
  auto result =
      service::add_record(db_.store(), plan_, service::system_actor(), "records_trainings",
                          {{"held_on", "2015-13-01"}, {"title", "x"}, {"participants", "3"}});
  ASSERT_FALSE(result.problems.empty());
  EXPECT_EQ(result.problems[0].path, "held_on");
  EXPECT_EQ(trainings(), 0);
  auto missing = service::add_record(db_.store(), plan_, service::system_actor(),
                                     "records_trainings", {{"held_on", "2015-03-01"}});
  EXPECT_EQ(missing.problems.size(), 2u);  // title and participants
}

TEST_F(Rejections, PlanWithWrongWeightsIsNotStored) {
  std::string text = testing::shipped_plan_text();
  auto before = db_.store().current_plan();
  // Goal b4 is 30%: make the plan's first indicator weigh 11 instead of 10.
  auto at = text.find("weight: 10");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 10, "weight: 11");
  auto result =
      service::import_plan(db_.store(), text, service::PlanFormat::yaml, service::system_actor());
  ASSERT_FALSE(result.problems.empty());
  bool named = false;
  for (const auto& problem : result.problems)
    named = named || problem.message.find("≠ goal weight") != std::string::npos ||
            problem.message.find("not 100") != std::string::npos;
  EXPECT_TRUE(named) << core::to_string(result.problems.front());
  auto after = db_.store().current_plan();
  EXPECT_EQ(after->version, before->version);
  EXPECT_EQ(after->document, before->document);
}

TEST_F(Rejections, ManualValueOverridesTheFormulaAndBadOnesAreRefused) {
  auto set = [&](const std::string& indicator, int year, double value, const std::string& note) {
    return service::set_manual_value(db_.store(), plan_, service::system_actor(), indicator, year,
                                     value, note, std::nullopt);
  };
  EXPECT_THROW(set("h1-1", 104, 2, "人事處函"), service::Failure);
  EXPECT_THROW(set("h1-1", 103, 1, "人事處函"), service::Failure);
  EXPECT_THROW(set("h1-1", 104, 1, ""), service::Failure);
  EXPECT_THROW(set("zz", 104, 1, "x"), service::Failure);
  EXPECT_TRUE(db_.store().manual_values(plan_.id).empty());

  EXPECT_EQ(set("h1-1", 104, 1, "人事處 104 年進用報表").version, 1);
  auto evaluation = service::evaluate_year(db_.store(), plan_, 104);
  for (const auto& row : evaluation.indicators) {
    if (row.indicator->id != "h1-1") continue;
    EXPECT_EQ(row.actual.source, core::ValueSource::manual);
    EXPECT_EQ(row.light, "green");
  }
}

TEST_F(Rejections, ReimportingTheSamePlanKeepsRecordsAndBumpsTheVersion) {
  ASSERT_TRUE(
      service::add_record(db_.store(), plan_, service::system_actor(), "records_trainings",
                          {{"held_on", "2015-03-01"}, {"title", "x"}, {"participants", "3"}})
          .problems.empty());
  auto again = service::import_plan(db_.store(), testing::shipped_plan_text(),
                                    service::PlanFormat::yaml, service::system_actor());
  ASSERT_TRUE(again.problems.empty());
  EXPECT_EQ(again.version, 2);
  EXPECT_EQ(trainings(), 1);
}

}  // namespace
}  // namespace planscore
