// Importing files as sections upload them: XLSX workbooks (with ROC dates typed as
// text) and Big5 CSV from older Excel; files that cannot be read write nothing.
#include <gtest/gtest.h>

#include "document/xlsx/xlsx_writer.h"
#include "service/audit.h"
#include "service/evaluation.h"
#include "service/failure.h"
#include "service/records.h"
#include "service_test_support.h"

namespace planscore {
namespace {

// "日期,研習名稱,參加人數\n104/03/15,檔案管理研習,60\n2015/04/01,公文研習,1229\n" in CP950.
const std::string kBig5Csv =
    "\xA4\xE9\xB4\xC1,\xAC\xE3\xB2\xDF\xA6W\xBA\xD9,\xB0\xD1\xA5[\xA4H\xBC\xC6\n"
    "104/03/15,\xC0\xC9\xAE\xD7\xBA\xDE\xB2z\xAC\xE3\xB2\xDF,60\n"
    "2015/04/01,\xA4\xBD\xA4\xE5\xAC\xE3\xB2\xDF,1229\n";

document::SheetCell text(std::string value) {
  document::SheetCell cell;
  cell.value = std::move(value);
  return cell;
}

document::SheetCell number(double value) {
  document::SheetCell cell;
  cell.value = value;
  cell.format = document::NumberFormat::integer;
  return cell;
}

// A workbook as a section keeps it: a cover sheet first, then the list, with a blank
// row among the data.
std::string trainings_workbook(const std::string& second_date = "104.3.20") {
  document::Sheet cover;
  cover.name = "說明";
  cover.rows.push_back({text("請於「研習」工作表填寫")});
  document::Sheet list;
  list.name = "研習";
  list.rows.push_back({text("日期"), text("研習名稱"), text("參加人數")});
  list.rows.push_back({text("104/03/15"), text("檔案管理研習"), number(60)});
  list.rows.push_back({text(second_date), text("公文研習"), number(1229)});
  list.rows.push_back({});
  list.rows.push_back({text("民國104年4月1日"), text("檔案應用研習"), number(11)});
  document::Workbook workbook;
  workbook.sheets = {cover, list};
  return document::write_xlsx(workbook);
}

class ImportFile : public ::testing::Test {
 protected:
  void SetUp() override { plan_ = testing::import_shipped_plan(db_.store()); }
  std::int64_t trainings() {
    return db_.store().count_records(*plan_.find_register("records_trainings"));
  }
  service::ImportReport import(std::string_view bytes, const service::ImportSource& source,
                               service::ImportMode mode = service::ImportMode::write) {
    return service::import_file(db_.store(), plan_, service::system_actor(), "records_trainings",
                                bytes, source, {.mode = mode, .replace_year = {}});
  }
  std::vector<std::string> held_on_dates() {
    service::RecordListRequest request;
    request.sort = "held_on";
    std::vector<std::string> dates;
    for (const auto& stored :
         service::list_records(db_.store(), plan_, "records_trainings", request).records)
      dates.push_back(std::get<std::string>(stored.record.values[0]));
    return dates;
  }

  testing::TempDatabase db_;
  core::Plan plan_;
};

TEST_F(ImportFile, XlsxWithRocDatesImportsEveryRow) {
  auto report = import(trainings_workbook(), {.sheet = "研習"});
  ASSERT_TRUE(report.ok()) << (report.file_problems.empty()
                                   ? report.rows.front().reason.message
                                   : core::to_string(report.file_problems.front()));
  EXPECT_EQ(report.imported, 3);
  EXPECT_EQ(held_on_dates(), (std::vector<std::string>{"2015-03-15", "2015-03-20", "2015-04-01"}));
  auto evaluation = service::evaluate_year(db_.store(), plan_, 104);
  EXPECT_DOUBLE_EQ(*evaluation.indicators.front().actual.value, 1300);
}

TEST_F(ImportFile, Big5CsvIsDetectedAndImported) {
  auto report = import(kBig5Csv, {});
  ASSERT_TRUE(report.ok()) << core::to_string(report.file_problems.front());
  EXPECT_EQ(report.imported, 2);
  EXPECT_EQ(held_on_dates(), (std::vector<std::string>{"2015-03-15", "2015-04-01"}));
}

TEST_F(ImportFile, CheckOnlyReadsTheWorkbookAndWritesNothing) {
  auto report =
      import(trainings_workbook(), {.format = service::ImportFormat::xlsx, .sheet = "研習"},
             service::ImportMode::check_only);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report.valid_rows, 3);
  EXPECT_EQ(report.imported, 0);
  EXPECT_EQ(trainings(), 0);
}

TEST_F(ImportFile, BadRowsAreReportedWithTheirSpreadsheetRow) {
  auto report = import(trainings_workbook("104/02/30"), {.sheet = "研習"});
  ASSERT_EQ(report.rows.size(), 1u);
  EXPECT_EQ(report.rows[0].row, 2);
  EXPECT_EQ(report.rows[0].line, 3);
  EXPECT_EQ(report.rows[0].column, "日期");
  EXPECT_EQ(report.rows[0].value, "104/02/30");
  EXPECT_EQ(trainings(), 0);
}

TEST_F(ImportFile, FilesThatCannotBeReadWriteNothing) {
  const auto workbook = trainings_workbook();
  const std::vector<std::pair<std::string, service::ImportReport>> reports{
      {"truncated", import(std::string_view(workbook).substr(0, workbook.size() / 2), {})},
      {"first sheet is the cover", import(workbook, {})},
      {"unknown sheet", import(workbook, {.sheet = "研習2"})},
      {"Big5 read as UTF-8",
       import(kBig5Csv, {.encoding = exchange::TextEncoding::utf8, .sheet = ""})},
      {"CSV chosen for a workbook",
       import(workbook, {.format = service::ImportFormat::csv, .sheet = ""})},
      {"neither UTF-8 nor Big5", import("日期,研習名稱,參加人數\n\x80\xFF,x,1\n", {})},
  };
  for (const auto& [name, report] : reports) {
    EXPECT_FALSE(report.ok()) << name;
    EXPECT_EQ(report.imported, 0) << name;
  }
  EXPECT_EQ(reports[0].second.file_problems.at(0).message,
            "the file is not an XLSX workbook (not a zip archive)");
  // The cover's one cell is read as a header that names no field.
  EXPECT_FALSE(reports[1].second.file_problems.empty());
  EXPECT_EQ(reports[3].second.file_problems.at(0).path, "line 1");
  EXPECT_EQ(reports[5].second.file_problems.at(0).path, "line 2");
  EXPECT_EQ(trainings(), 0);
}

TEST_F(ImportFile, AFieldDefaultFillsEmptyAndMissingCellsButNotGivenOnes) {
  auto& participants = plan_.registers.at(0).fields.at(2);
  ASSERT_EQ(participants.id, "participants");
  participants.default_value = "1";
  const auto counts = [this] {
    service::RecordListRequest request;
    request.sort = "held_on";
    std::vector<core::FieldValue> values;
    for (const auto& stored :
         service::list_records(db_.store(), plan_, "records_trainings", request).records)
      values.push_back(stored.record.values[2]);
    return values;
  };
  using Counts = std::vector<core::FieldValue>;
  auto report =
      import("日期,研習名稱,參加人數\n104/03/15,檔案管理研習,\n104/03/16,公文研習,60\n", {});
  ASSERT_TRUE(report.ok()) << (report.rows.empty() ? "" : report.rows.front().reason.message);
  // A required column with a default may be left out of the file altogether.
  report = import("日期,研習名稱\n104/03/17,檔案應用研習\n", {});
  ASSERT_TRUE(report.ok()) << core::to_string(report.file_problems.at(0));
  const auto added =
      service::add_record(db_.store(), plan_, service::system_actor(), "records_trainings",
                          {{"held_on", "104/03/18"}, {"title", "研習"}});
  ASSERT_TRUE(added.problems.empty()) << core::to_string(added.problems.front());
  EXPECT_EQ(counts(),
            (Counts{std::int64_t{1}, std::int64_t{60}, std::int64_t{1}, std::int64_t{1}}));

  // An update replaces the record: clearing the field gives the default back, not null.
  const auto five = service::update_record(
      db_.store(), plan_, service::system_actor(), "records_trainings", added.record_id,
      {{"held_on", "104/03/18"}, {"title", "研習"}, {"participants", "5"}}, 1);
  EXPECT_EQ(five.record.values[2], core::FieldValue{std::int64_t{5}});
  const auto cleared = service::update_record(
      db_.store(), plan_, service::system_actor(), "records_trainings", added.record_id,
      {{"held_on", "104/03/18"}, {"title", "研習"}, {"participants", ""}}, five.version);
  EXPECT_EQ(cleared.record.values[2], core::FieldValue{std::int64_t{1}});
}

TEST_F(ImportFile, ReadersOfTheRegisterMayNotImport) {
  core::Actor reader;
  reader.username = "reader";
  EXPECT_THROW(service::import_file(db_.store(), plan_, reader, "records_trainings", kBig5Csv, {}),
               service::Failure);
  EXPECT_EQ(trainings(), 0);
}

TEST(ImportFormats, Names) {
  EXPECT_EQ(service::parse_import_format("auto"), service::ImportFormat::automatic);
  EXPECT_EQ(service::parse_import_format("csv"), service::ImportFormat::csv);
  EXPECT_EQ(service::parse_import_format("xlsx"), service::ImportFormat::xlsx);
  EXPECT_EQ(service::parse_import_format("xls"), std::nullopt);
}

}  // namespace
}  // namespace planscore
