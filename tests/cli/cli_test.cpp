// The planscore binary end to end: exit codes (0 ok, 1 failure, 2 usage), error lines
// on stderr, and the JSON contract other tools rely on.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "core/register/csv.h"
#include "document/xlsx/xlsx_writer.h"

namespace {

struct Outcome {
  int status = -1;
  std::string out, err;
};

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device seed;
    dir_ = std::filesystem::temp_directory_path() / ("planscore-cli-" + std::to_string(seed()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Outcome run(const std::string& arguments, const std::string& database = "test.db") {
    const auto out = dir_ / "out.txt", err = dir_ / "err.txt";
    const std::string command = std::string(PLANSCORE_BINARY) + " --db " +
                                (dir_ / database).string() + " " + arguments + " >" + out.string() +
                                " 2>" + err.string();
    Outcome outcome;
    outcome.status = WEXITSTATUS(std::system(command.c_str()));
    outcome.out = read(out);
    outcome.err = read(err);
    return outcome;
  }
  static std::string read(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::string write(const std::string& name, const std::string& text) {
    auto path = dir_ / name;
    std::ofstream(path) << text;
    return path.string();
  }

  std::filesystem::path dir_;
};

TEST_F(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run("").status, 2);
  EXPECT_EQ(run("evaluate --format pdf").status, 2);
  auto outcome = run("frobnicate");
  EXPECT_EQ(outcome.status, 2);
  EXPECT_EQ(outcome.err.rfind("error: ", 0), 0u);
}

TEST_F(Cli, AnUnknownTimeZoneIsAUsageErrorNamingIt) {
  auto outcome = run("--time-zone Mars/Olympus_Mons evaluate --year 104");
  EXPECT_EQ(outcome.status, 2);
  EXPECT_NE(outcome.err.find("\"Mars/Olympus_Mons\""), std::string::npos) << outcome.err;
}

TEST_F(Cli, AYearIsReviewedLockedAndUnlockedFromTheConsole) {
  const auto plan = dir_ / "plan.yaml";  // the shipped plan without its history: no values
  std::filesystem::copy_file(PLANSCORE_SHIPPED_PLAN, plan);
  ASSERT_EQ(run("init --plan " + plan.string()).status, 0);
  EXPECT_EQ(run("year lock 104").status, 1);  // nothing reviewed yet
  auto step = run("review 104 submit --section documents");
  ASSERT_EQ(step.status, 0) << step.err;
  EXPECT_NE(step.out.find("submit: 1 indicator(s) of 104"), std::string::npos) << step.out;
  for (const char* action : {"submit", "first_review", "second_review"}) {
    step = run(std::string("review 104 ") + action);
    ASSERT_EQ(step.status, 0) << action << ": " << step.err;
  }
  const auto locked = run("year lock 104");
  ASSERT_EQ(locked.status, 0) << locked.err;
  const auto refused =
      run("record add records_trainings held_on=104/05/01 title=研習 participants=3");
  EXPECT_EQ(refused.status, 1);
  EXPECT_NE(refused.err.find("locked"), std::string::npos) << refused.err;
  EXPECT_EQ(run("year unlock 104").status, 2);  // the reason is required
  ASSERT_EQ(run("year unlock 104 --reason 更正研習人數").status, 0);
  EXPECT_EQ(run("record add records_trainings held_on=104/05/01 title=研習 participants=3").status,
            0);
  EXPECT_EQ(run("review 104 publish").status, 2);
}

TEST_F(Cli, EvaluatingAnEmptyDatabaseFailsWithAClearLine) {
  auto outcome = run("evaluate --year 104");
  EXPECT_EQ(outcome.status, 1);
  EXPECT_NE(outcome.err.find("planscore init"), std::string::npos) << outcome.err;
}

TEST_F(Cli, InitDemoEvaluateJsonContract) {
  ASSERT_EQ(run("init --demo").status, 0);
  auto outcome = run("evaluate --year 105 --format json");
  ASSERT_EQ(outcome.status, 0) << outcome.err;
  auto json = nlohmann::json::parse(outcome.out);
  EXPECT_EQ(json["year"], 105);
  ASSERT_EQ(json["indicators"].size(), 13u);
  // The total is the indicators' weighted scores added up, and every one was scored.
  double total = 0;
  for (const auto& indicator : json["indicators"]) {
    EXPECT_FALSE(indicator["score"].is_null()) << indicator["name"];
    total += indicator["score"].get<double>();
  }
  EXPECT_NEAR(json["total_score"].get<double>(), total, 0.005);
  EXPECT_GT(total, 0);
  EXPECT_LE(total, 100);
  const auto& first = json["indicators"][0];
  for (const char* key : {"name", "weight", "actual", "target", "achievement", "light", "score"})
    EXPECT_TRUE(first.contains(key)) << key;
  EXPECT_EQ(first["light"], "yellow");
  EXPECT_EQ(run("init").status, 1);  // already initialised: refuses, changes nothing
}

// An installed binary, <prefix>/bin/planscore, takes the plan shipped beside it in
// <prefix>/share/planscore/plans, wherever the prefix is and whatever source tree it was
// built from.
TEST_F(Cli, AnInstalledBinaryUsesThePlanInstalledBesideIt) {
  namespace fs = std::filesystem;
  const fs::path source_plan =
      fs::path(PLANSCORE_SOURCE_DIR) / "plans" / "taichung-secretariat-104-107.yaml";
  const auto prefix = dir_ / "prefix";
  fs::create_directories(prefix / "bin");
  fs::create_directories(prefix / "share" / "planscore" / "plans");
  fs::copy_file(PLANSCORE_BINARY, prefix / "bin" / "planscore");
  std::string plan = read(source_plan);
  const std::string name = "name: 臺中市政府秘書處中程施政計畫\n";
  ASSERT_NE(plan.find(name), std::string::npos);
  plan.replace(plan.find(name), name.size(), "name: 安裝目錄中的計畫\n");
  std::ofstream(prefix / "share" / "planscore" / "plans" / source_plan.filename()) << plan;

  const auto database = (dir_ / "installed.db").string();
  const auto installed = (prefix / "bin" / "planscore").string();
  ASSERT_EQ(std::system((installed + " --db " + database + " init > /dev/null").c_str()), 0);
  const auto exported = dir_ / "exported.json";
  ASSERT_EQ(std::system((installed + " --db " + database + " plan export --format json > " +
                         exported.string())
                            .c_str()),
            0);
  EXPECT_EQ(nlohmann::json::parse(read(exported))["name"], "安裝目錄中的計畫");
}

TEST_F(Cli, PlanExportJsonHasTheSeedFigures) {
  ASSERT_EQ(run("init").status, 0);
  auto outcome = run("plan export --format json");
  ASSERT_EQ(outcome.status, 0) << outcome.err;
  auto json = nlohmann::json::parse(outcome.out);
  EXPECT_EQ(json["dimensions"].size(), 3u);
  EXPECT_EQ(json["dimensions"][0]["goals"][3]["indicators"][0]["targets"]["107"], 450);
  EXPECT_EQ(json["budget_total"]["total"], 10158);
  EXPECT_EQ(json["budget"][1]["children"][1]["prior"], 168);
}

TEST_F(Cli, BadCsvIsRejectedWithRowErrorsAndNothingWritten) {
  ASSERT_EQ(run("init").status, 0);
  auto csv =
      write("bad.csv", "held_on,title,participants\n2015-03-01,研習,12\n2015-03-02,研習,abc\n");
  auto outcome = run("record import records_trainings " + csv);
  EXPECT_EQ(outcome.status, 1);
  EXPECT_NE(outcome.err.find("row 2"), std::string::npos) << outcome.err;
  EXPECT_NE(outcome.err.find("abc"), std::string::npos) << outcome.err;
  auto evaluation = nlohmann::json::parse(run("evaluate --year 104 --format json").out);
  EXPECT_TRUE(evaluation["indicators"][0]["actual"].is_null());

  auto good = write("good.csv", "日期,研習名稱,參加人數\n104/03/01,研習,12\n");
  EXPECT_EQ(run("record import records_trainings " + good).status, 0);
  evaluation = nlohmann::json::parse(run("evaluate --year 104 --format json").out);
  EXPECT_EQ(evaluation["indicators"][0]["actual"], 12);
}

// Found in an attack run: `record import REG /dev/zero` grew to 3.5 GB in 10 s and `plan
// import /dev/zero` to 4.3 GB, as the size limit was checked only after reading; a
// directory was reported as an empty file.
TEST_F(Cli, InputFilesAreCheckedBeforeTheyAreRead) {
  ASSERT_EQ(run("init").status, 0);
  for (const std::string command : {"record import records_trainings /dev/zero",
                                    "plan import /dev/zero", "plan validate /dev/zero"}) {
    const auto outcome = run(command);
    EXPECT_EQ(outcome.status, 1) << command;
    EXPECT_NE(outcome.err.find("/dev/zero is not a regular file"), std::string::npos)
        << command << ": " << outcome.err;
  }
  const auto directory = run("record import records_trainings " + dir_.string());
  EXPECT_EQ(directory.status, 1);
  EXPECT_NE(directory.err.find("is a directory"), std::string::npos) << directory.err;
  const auto missing = run("plan validate " + (dir_ / "nothing.yaml").string());
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("no such file"), std::string::npos) << missing.err;

  const auto big = dir_ / "big.yaml";
  std::filesystem::resize_file(write("big.yaml", ""), 6 * 1024 * 1024);
  const auto too_large = run("plan import " + big.string());
  EXPECT_EQ(too_large.status, 1);
  EXPECT_NE(too_large.err.find("is 6291456 bytes; plan files are limited to 5242880 bytes"),
            std::string::npos)
      << too_large.err;
}

TEST_F(Cli, RecordImportReadsXlsxSheetsAndBig5Csv) {
  ASSERT_EQ(run("init").status, 0);
  planscore::document::Workbook workbook;
  workbook.sheets.resize(2);
  workbook.sheets[0].name = "說明";
  workbook.sheets[1].name = "研習";
  const auto cell = [](auto value) {
    planscore::document::SheetCell made;
    made.value = value;
    return made;
  };
  workbook.sheets[1].rows = {
      {cell(std::string("日期")), cell(std::string("研習名稱")), cell(std::string("參加人數"))},
      {cell(std::string("104/03/01")), cell(std::string("研習")), cell(12.0)}};
  const auto xlsx = write("records.xlsx", planscore::document::write_xlsx(workbook));

  auto outcome = run("record import records_trainings " + xlsx + " --sheet 研習2");
  EXPECT_EQ(outcome.status, 1);
  EXPECT_NE(outcome.err.find("no sheet named \"研習2\""), std::string::npos) << outcome.err;
  EXPECT_EQ(run("record import records_trainings " + xlsx + " --format csv").status, 1);
  EXPECT_EQ(run("record import records_trainings " + xlsx + " --format xls").status, 2);
  outcome = run("record import records_trainings " + xlsx + " --sheet 研習");
  ASSERT_EQ(outcome.status, 0) << outcome.err;

  // "日期,研習名稱,參加人數\n104/03/02,研習,8\n" as Big5 (CP950).
  const auto big5 = write("big5.csv",
                          "\xA4\xE9\xB4\xC1,\xAC\xE3\xB2\xDF\xA6W\xBA\xD9,"
                          "\xB0\xD1\xA5[\xA4H\xBC\xC6\n104/03/02,\xAC\xE3\xB2\xDF,8\n");
  EXPECT_EQ(run("record import records_trainings " + big5 + " --encoding utf-8").status, 1);
  outcome = run("record import records_trainings " + big5 + " --encoding big5");
  ASSERT_EQ(outcome.status, 0) << outcome.err;
  const auto evaluation = nlohmann::json::parse(run("evaluate --year 104 --format json").out);
  EXPECT_EQ(evaluation["indicators"][0]["actual"], 20);
}

TEST_F(Cli, PlanValidateReportsProblemsWithTheirPlace) {
  auto plan = write("bad.yaml", "id: x\nname: y\n");
  auto outcome = run("plan validate " + plan);
  EXPECT_EQ(outcome.status, 1);
  EXPECT_EQ(outcome.err.rfind("error: ", 0), 0u);
  EXPECT_EQ(run(std::string("plan validate ") + PLANSCORE_SHIPPED_PLAN).status, 0);
}

TEST_F(Cli, RecordAddAndManualValue) {
  ASSERT_EQ(run("init").status, 0);
  EXPECT_EQ(run("record add records_trainings held_on=104/05/01 title=研習 participants=30").status,
            0);
  EXPECT_EQ(run("record add records_trainings held_on=2015-05-01").status, 1);
  EXPECT_EQ(run("value set h1-1 104 1 --note 人事處報表").status, 0);
  EXPECT_EQ(run("value set h1-1 104 3 --note x").status, 1);
}

// Another agency's plan from the console: a milestone set by its stage's name, records
// listed and deleted by id, a value cleared, the evaluation written to a file.
TEST_F(Cli, RecordsValuesAndTheEvaluationOfAnotherAgencysPlan) {
  ASSERT_EQ(run(std::string("init --plan ") + PLANSCORE_SOURCE_DIR +
                "/tests/data/second-agency-plan.yaml")
                .status,
            0);
  auto outcome = run("value set g2-1 108 工程發包 --note 工程月報");
  ASSERT_EQ(outcome.status, 0) << outcome.err;
  outcome = run("value set g2-1 109 工程驗收 --note 工程月報");
  EXPECT_EQ(outcome.status, 1);
  EXPECT_NE(outcome.err.find("規劃設計 (25)、工程發包 (50)"), std::string::npos) << outcome.err;

  const auto report = dir_ / "108.txt";
  ASSERT_EQ(run("evaluate --year 108 -o " + report.string()).status, 0);
  EXPECT_NE(read(report).find("50%（工程發包）"), std::string::npos) << read(report);
  ASSERT_EQ(run("value clear g2-1 108").status, 0);
  EXPECT_EQ(run("value clear g2-1 108").status, 1);  // nothing left to clear

  ASSERT_EQ(run("record add events held_on=108/03/02 title=講座 participants=250").status, 0);
  ASSERT_EQ(run("record add events held_on=1080615 title=音樂會 participants=410").status, 0);
  outcome = run("record list events");
  ASSERT_EQ(outcome.status, 0) << outcome.err;
  // Newest first, with ids to delete by.
  const auto concert = outcome.out.find("音樂會"), talk = outcome.out.find("講座");
  ASSERT_NE(concert, std::string::npos) << outcome.out;
  ASSERT_NE(talk, std::string::npos) << outcome.out;
  EXPECT_LT(concert, talk) << outcome.out;
  EXPECT_NE(outcome.out.find("2 of 2 record(s)"), std::string::npos) << outcome.out;
  ASSERT_EQ(run("record delete events 1").status, 0);
  EXPECT_EQ(run("record delete events 1").status, 1);
  EXPECT_NE(run("record list events").out.find("1 of 1 record(s)"), std::string::npos);
}

}  // namespace

namespace {

TEST_F(Cli, RegisterExportWritesFormulasAsTextAndImportsBackByteForByte) {
  // The shipped plan without its history folder: the registers start empty.
  const auto plan = dir_ / "plan.yaml";
  std::filesystem::copy_file(PLANSCORE_SHIPPED_PLAN, plan);
  ASSERT_EQ(run("init --plan " + plan.string()).status, 0);
  // A file as a section editor could upload it, the formulas written raw ("\t=1+1" comes in
  // trimmed to "=1+1"; "''=1+1" as "'=1+1", the import taking one ' off).
  using planscore::core::CsvCell;
  std::string upload =
      planscore::core::csv_line({"held_on", "title", "participants", "satisfaction"});
  for (const std::string title : {"=HYPERLINK(\"http://attacker.test\",\"研習\")",
                                  "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1+1", "''=1+1"})
    upload +=
        planscore::core::csv_line({CsvCell::formatted("2015-03-01"), CsvCell::formatted(title),
                                   CsvCell::formatted("5"), CsvCell::formatted("-5")});
  const auto imported = run("record import records_trainings " + write("upload.csv", upload));
  ASSERT_EQ(imported.status, 0) << imported.err << imported.out;

  const auto exported = dir_ / "export.csv";
  ASSERT_EQ(run("report register records_trainings -o " + exported.string()).status, 0);
  const std::string text = read(exported);  // held_on, title, participants, satisfaction
  EXPECT_NE(text.find(",\"'=HYPERLINK(\"\"http://attacker.test\"\",\"\"研習\"\")\",5,-5\r\n"),
            std::string::npos)
      << text;
  for (const char* cell : {",'+1+cmd|' /C calc'!A0,5,-5\r\n", ",'-2+3,5,-5\r\n",
                           ",'@SUM(1+1),5,-5\r\n", ",'=1+1,5,-5\r\n", ",''=1+1,5,-5\r\n"})
    EXPECT_NE(text.find(cell), std::string::npos) << cell << "\n" << text;

  ASSERT_EQ(run("init --plan " + plan.string(), "other.db").status, 0);
  const auto again = run("record import records_trainings " + exported.string(), "other.db");
  ASSERT_EQ(again.status, 0) << again.err << again.out;
  const auto reexported = dir_ / "again.csv";
  ASSERT_EQ(run("report register records_trainings -o " + reexported.string(), "other.db").status,
            0);
  EXPECT_EQ(read(reexported), text);
}

TEST_F(Cli, InitLoadsTheShippedHistoryAndReportsItsStatistics) {
  const auto init = run("init");
  ASSERT_EQ(init.status, 0) << init.err;
  EXPECT_NE(init.out.find("earlier records from"), std::string::npos) << init.out;
  const auto statistics = run("report statistics --from 100 --to 103 -o -");
  ASSERT_EQ(statistics.status, 0) << statistics.err;
  EXPECT_NE(statistics.out.find("文檔科,紙本收文件數,件,,,,,470432"), std::string::npos)
      << statistics.out.substr(0, 400);
  EXPECT_EQ(run("report statistics --from 104 --to 100 -o -").status, 1);
}

}  // namespace
