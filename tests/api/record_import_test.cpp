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

  auto named = editor->send_raw("POST", kImport + "?format=csv&encoding=big5&dry_run=true",
                                kBig5Csv, "text/csv");
  ASSERT_EQ(named.status, 200) << named.body;
  EXPECT_EQ(parse_json(named)["would_import"], 1);
  auto detected = editor->send_raw("POST", kImport, kBig5Csv, "text/csv");
  ASSERT_EQ(detected.status, 201) << detected.body;
  EXPECT_EQ(editor->get_json(kRecords)["total"], 1);
}

// The same file twice would count every training twice (an indicator at 216 %): the second
// import is refused, saying why, and a year is loaded again only by replacing it.
TEST(RecordImport, AFileAlreadyImportedIsRefusedAndAYearIsReloadedByReplacingIt) {
  ApiWorld world;
  auto editor = world.login("editor");
  const std::string file =
      "held_on,title,participants\n104/03/15,檔案管理研習,60\n104/04/01,公文研習,40\n";
  ASSERT_EQ(editor->send_raw("POST", kImport, file, "text/csv").status, 201);
  const auto again = editor->send_raw("POST", kImport, file, "text/csv");
  ASSERT_EQ(again.status, 422) << again.body;
  const auto problems = parse_json(again)["errors"];
  EXPECT_EQ(problems[0]["code"], "rows_already_there");
  EXPECT_EQ(problems[0]["params"]["count"], "2");
  EXPECT_EQ(problems[1]["code"], "row_already_there");
  EXPECT_EQ(problems[1]["params"]["row"], "1");
  EXPECT_EQ(editor->get_json(kRecords)["total"], 2);

  // A corrected list for 104 replaces 104's records, all or nothing.
  const std::string corrected =
      "held_on,title,participants\n104/03/15,檔案管理研習,62\n104/04/01,公文研習,40\n"
      "104/05/02,保密研習,25\n";
  const auto preview =
      editor->send_raw("POST", kImport + "?replace=104&dry_run=true", corrected, "text/csv");
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(parse_json(preview)["would_replace"], 2);
  EXPECT_EQ(parse_json(preview)["would_import"], 3);
  const auto outside = editor->send_raw("POST", kImport + "?replace=104",
                                        corrected + "105/01/05,新年研習,10\n", "text/csv");
  ASSERT_EQ(outside.status, 422) << outside.body;
  EXPECT_EQ(parse_json(outside)["errors"][0]["code"], "outside_replaced_year");
  EXPECT_EQ(editor->get_json(kRecords)["total"], 2);
  const auto replaced = editor->send_raw("POST", kImport + "?replace=104", corrected, "text/csv");
  ASSERT_EQ(replaced.status, 201) << replaced.body;
  EXPECT_EQ(parse_json(replaced)["replaced"], 2);
  EXPECT_EQ(parse_json(replaced)["imported"], 3);
  EXPECT_EQ(editor->get_json(kRecords)["total"], 3);
  const auto audit = world.login("admin")->get_json(
      "/api/audit?object_type=register&object_id=records_trainings&limit=1");
  const auto entries = audit["entries"];
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["action"], "record.import");
  EXPECT_EQ(entries[0]["after"]["replaced_year"], "104") << entries[0];
  EXPECT_EQ(entries[0]["after"]["replaced"], "2") << entries[0];
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
