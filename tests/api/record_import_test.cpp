// Importing the files sections actually have through the API: an XLSX workbook (the
// body is the file's bytes, the sheet chosen in the query) and a Big5 CSV from older
// Excel. Query values the server does not know are refused by name.
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "document/xlsx/xlsx_writer.h"

namespace planscore::test {
namespace {

const std::string kImport = "/api/registers/records_trainings/import";
const std::string kRecords = "/api/registers/records_trainings/records";
const std::string kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// "日期,研習名稱,參加人數\n104/03/15,研習,60\n" in CP950.
const std::string kBig5Csv =
    "\xA4\xE9\xB4\xC1,\xAC\xE3\xB2\xDF\xA6W\xBA\xD9,\xB0\xD1\xA5[\xA4H\xBC\xC6\n"
    "104/03/15,\xAC\xE3\xB2\xDF,60\n";

document::SheetCell cell(std::variant<std::monostate, std::string, double> value) {
  document::SheetCell made;
  made.value = std::move(value);
  return made;
}

// Sheets 說明 (a note) and 研習 (the list, ROC dates typed as text).
std::string trainings_workbook() {
  document::Workbook workbook;
  workbook.sheets.resize(2);
  workbook.sheets[0].name = "說明";
  workbook.sheets[0].rows = {{cell(std::string("請填寫研習工作表"))}};
  workbook.sheets[1].name = "研習";
  workbook.sheets[1].rows = {
      {cell(std::string("日期")), cell(std::string("研習名稱")), cell(std::string("參加人數"))},
      {cell(std::string("104/03/15")), cell(std::string("檔案管理研習")), cell(60.0)},
      {cell(std::string("民國104年4月1日")), cell(std::string("公文研習")), cell(40.0)}};
  return document::write_xlsx(workbook);
}

const std::string kSheet = "%E7%A0%94%E7%BF%92";  // 研習

TEST(RecordImport, XlsxSheetIsImported) {
  ApiWorld world;
  auto editor = world.login("editor");
  const auto workbook = trainings_workbook();

  auto first_sheet = editor->send_raw("POST", kImport, workbook, kXlsxType);
  EXPECT_EQ(first_sheet.status, 422) << "the note sheet names no field";

  auto missing = editor->send_raw("POST", kImport + "?sheet=nope", workbook, kXlsxType);
  ASSERT_EQ(missing.status, 422);
  auto problem = parse_json(missing);
  EXPECT_EQ(problem["errors"][0]["path"], "file");
  EXPECT_NE(problem["errors"][0]["message"].get<std::string>().find("\"研習\""), std::string::npos);

  auto preview = editor->send_raw("POST", kImport + "?format=xlsx&dry_run=true&sheet=" + kSheet,
                                  workbook, kXlsxType);
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(parse_json(preview)["would_import"], 2);

  auto imported = editor->send_raw("POST", kImport + "?sheet=" + kSheet, workbook, kXlsxType);
  ASSERT_EQ(imported.status, 201) << imported.body;
  EXPECT_EQ(parse_json(imported)["imported"], 2);
  auto records = editor->get_json(kRecords + "?sort=held_on");
  ASSERT_EQ(records["total"], 2);
  EXPECT_EQ(records["records"][1]["values"]["held_on"], "2015-04-01");
}

TEST(RecordImport, DamagedWorkbookWritesNothing) {
  ApiWorld world;
  auto editor = world.login("editor");
  const auto workbook = trainings_workbook();
  auto cut = editor->send_raw("POST", kImport + "?format=xlsx",
                              workbook.substr(0, workbook.size() / 2), kXlsxType);
  ASSERT_EQ(cut.status, 422);
  EXPECT_EQ(parse_json(cut)["errors"][0]["message"],
            "the file is not an XLSX workbook (not a zip archive)");
  EXPECT_EQ(editor->get_json(kRecords)["total"], 0);
}

TEST(RecordImport, Big5CsvIsDetectedOrNamed) {
  ApiWorld world;
  auto editor = world.login("editor");
  auto as_utf8 = editor->send_raw("POST", kImport + "?encoding=utf-8", kBig5Csv, "text/csv");
  ASSERT_EQ(as_utf8.status, 422);
  EXPECT_EQ(parse_json(as_utf8)["errors"][0]["path"], "line 1");
  EXPECT_EQ(editor->get_json(kRecords)["total"], 0);

  auto detected = editor->send_raw("POST", kImport, kBig5Csv, "text/csv");
  ASSERT_EQ(detected.status, 201) << detected.body;
  auto named =
      editor->send_raw("POST", kImport + "?format=csv&encoding=big5", kBig5Csv, "text/csv");
  ASSERT_EQ(named.status, 201) << named.body;
  EXPECT_EQ(editor->get_json(kRecords)["total"], 2);
}

TEST(RecordImport, UnknownQueryValuesAreNamed) {
  ApiWorld world;
  auto editor = world.login("editor");
  auto bad =
      editor->send_raw("POST", kImport + "?format=xls&encoding=latin1", kBig5Csv, "text/csv");
  ASSERT_EQ(bad.status, 400);
  auto problem = parse_json(bad);
  ASSERT_EQ(problem["errors"].size(), 2u);
  EXPECT_EQ(problem["errors"][0]["path"], "format");
  EXPECT_EQ(problem["errors"][1]["path"], "encoding");
  EXPECT_EQ(editor->get_json(kRecords)["total"], 0);
}

}  // namespace
}  // namespace planscore::test
