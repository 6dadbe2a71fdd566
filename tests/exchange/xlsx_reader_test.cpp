// Reading sheets of real workbooks (written by libxlsxwriter) and refusing damaged and
// hostile ones with a problem that says what is wrong.
#include "exchange/xlsx_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "exchange_test_support.h"

namespace planscore::exchange {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::make_xlsx;
using testing::make_zip;
using testing::minimal_workbook;
using testing::sheet_xml;

lxw_datetime date(int year, int month, int day) {
  return {year, month, day, 0, 0, 0};
}

// Sheet 記錄: a blank first row, the header on row 2, data with a gap (C4 left empty),
// a wholly empty row 5, dates in a custom and a built-in format, a formula, a boolean,
// and a stray styled blank right of the header.
std::string records_workbook() {
  return make_xlsx([](lxw_workbook* workbook) {
    lxw_worksheet* notes = workbook_add_worksheet(workbook, "說明");
    worksheet_write_string(notes, 0, 0, "請填寫記錄工作表", nullptr);
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "記錄");
    lxw_format* custom_date = workbook_add_format(workbook);
    format_set_num_format(custom_date, "yyyy/mm/dd");
    lxw_format* builtin_date = workbook_add_format(workbook);
    format_set_num_format_index(builtin_date, 14);
    lxw_format* thousands = workbook_add_format(workbook);
    format_set_num_format(thousands, "#,##0");
    worksheet_write_string(sheet, 1, 0, "日期", nullptr);
    worksheet_write_string(sheet, 1, 1, "研習名稱", nullptr);
    worksheet_write_string(sheet, 1, 2, "參加人數", nullptr);
    worksheet_write_string(sheet, 1, 3, "比率", nullptr);
    worksheet_write_string(sheet, 1, 4, "已核", nullptr);
    auto held = date(2015, 3, 15);
    worksheet_write_datetime(sheet, 2, 0, &held, custom_date);
    worksheet_write_string(sheet, 2, 1, "檔案管理研習", nullptr);
    worksheet_write_number(sheet, 2, 2, 1229, thousands);
    worksheet_write_number(sheet, 2, 3, 0.25, nullptr);
    worksheet_write_boolean(sheet, 2, 4, 1, nullptr);
    worksheet_write_string(sheet, 3, 0, "104/04/01", nullptr);
    worksheet_write_string(sheet, 3, 1, "公文研習", nullptr);
    worksheet_write_formula_num(sheet, 3, 3, "=1/8", nullptr, 0.125);
    worksheet_write_boolean(sheet, 3, 4, 0, nullptr);
    auto later = date(2016, 1, 2);
    worksheet_write_datetime(sheet, 5, 0, &later, builtin_date);
    worksheet_write_string(sheet, 5, 1, "研習", nullptr);
    worksheet_write_number(sheet, 5, 2, 0.1 + 0.2, nullptr);
    worksheet_write_blank(sheet, 5, 7, thousands);  // styled but empty: not a column
  });
}

TEST(XlsxReader, ReadsStringsNumbersDatesFormulasAndGaps) {
  const auto result = read_xlsx(records_workbook(), "記錄");
  ASSERT_TRUE(result.problems.empty()) << core::to_string(result.problems.front());
  const auto& table = result.table;
  EXPECT_THAT(table.header, ElementsAre("日期", "研習名稱", "參加人數", "比率", "已核"));
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_THAT(table.rows[0], ElementsAre("2015-03-15", "檔案管理研習", "1229", "0.25", "TRUE"));
  EXPECT_THAT(table.rows[1], ElementsAre("104/04/01", "公文研習", "", "0.125", "FALSE"));
  EXPECT_THAT(table.rows[2], ElementsAre("2016-01-02", "研習", "0.3", "", ""));
  EXPECT_THAT(table.row_lines, ElementsAre(3, 4, 6));
}

TEST(XlsxReader, EmptySheetNameReadsTheFirstSheet) {
  const auto result = read_xlsx(records_workbook(), "");
  ASSERT_TRUE(result.problems.empty());
  EXPECT_THAT(result.table.header, ElementsAre("請填寫記錄工作表"));
  EXPECT_TRUE(result.table.rows.empty());
}

TEST(XlsxReader, UnknownSheetNamesTheSheetsThereAre) {
  const auto result = read_xlsx(records_workbook(), "紀錄");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "file");
  EXPECT_THAT(result.problems[0].message, HasSubstr("no sheet named \"紀錄\""));
  EXPECT_THAT(result.problems[0].message, HasSubstr("\"說明\", \"記錄\""));
  EXPECT_TRUE(result.table.header.empty());
}

TEST(XlsxReader, SharedStringsWithChineseAndRichText) {
  const auto bytes = make_xlsx([](lxw_workbook* workbook) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "工作表1");
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    worksheet_write_string(sheet, 0, 0, "名稱", nullptr);
    worksheet_write_string(sheet, 0, 1, "單位", nullptr);
    lxw_rich_string_tuple first = {nullptr, const_cast<char*>("臺中市")};
    lxw_rich_string_tuple second = {bold, const_cast<char*>("政府秘書處")};
    lxw_rich_string_tuple* runs[] = {&first, &second, nullptr};
    worksheet_write_rich_string(sheet, 1, 0, runs, nullptr);
    worksheet_write_string(sheet, 1, 1, "名稱", nullptr);  // the same shared string again
  });
  const auto result = read_xlsx(bytes, "工作表1");
  ASSERT_TRUE(result.problems.empty()) << core::to_string(result.problems.front());
  ASSERT_EQ(result.table.rows.size(), 1u);
  EXPECT_THAT(result.table.rows[0], ElementsAre("臺中市政府秘書處", "名稱"));
}

TEST(XlsxReader, InlineStringsCellsWithoutReferencesAndEscapes) {
  const auto bytes = make_zip(minimal_workbook(sheet_xml(
      R"(<row r="1"><c t="inlineStr"><is><t>項目</t></is></c><c t="inlineStr"><is><t>值</t></is></c></row>)"
      R"(<row r="3"><c t="inlineStr"><is><t xml:space="preserve"> a_x000A_b </t></is></c><c t="str"><f>A3</f><v>x</v></c></row>)")));
  const auto result = read_xlsx(bytes, "");
  ASSERT_TRUE(result.problems.empty()) << core::to_string(result.problems.front());
  ASSERT_EQ(result.table.rows.size(), 1u);
  EXPECT_THAT(result.table.rows[0], ElementsAre(" a\nb ", "x"));
  EXPECT_THAT(result.table.row_lines, ElementsAre(3));
}

TEST(XlsxReader, NotAZipArchive) {
  const auto result = read_xlsx("日期,名稱\n2015-01-01,x\n", "");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "file");
  EXPECT_EQ(result.problems[0].message, "the file is not an XLSX workbook (not a zip archive)");
}

TEST(XlsxReader, TruncatedArchive) {
  const auto bytes = records_workbook();
  const auto result = read_xlsx(std::string_view(bytes).substr(0, bytes.size() / 2), "");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "file");
  EXPECT_EQ(result.problems[0].message, "the file is not an XLSX workbook (not a zip archive)");
}

TEST(XlsxReader, OldXlsFileIsNamedAsSuch) {
  const auto result = read_xlsx(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest", "");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_THAT(result.problems[0].message, HasSubstr(".xls"));
}

TEST(XlsxReader, ZipWithoutWorkbook) {
  const auto result = read_xlsx(make_zip({{"readme.txt", "hello"}}), "");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "file");
  EXPECT_THAT(result.problems[0].message, HasSubstr("not an XLSX workbook"));
}

TEST(XlsxReader, CellOverExcelsLengthIsNamed) {
  const std::string huge(40000, 'x');
  const auto bytes = make_zip(minimal_workbook(sheet_xml(
      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>名稱</t></is></c><c r="B1" t="inlineStr"><is><t>說明</t></is></c></row>)"
      R"(<row r="7"><c r="A7" t="inlineStr"><is><t>a</t></is></c><c r="B7" t="inlineStr"><is><t>)" +
      huge + "</t></is></c></row>")));
  const auto result = read_xlsx(bytes, "工作表1");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "sheet 工作表1, cell B7");
  EXPECT_EQ(result.problems[0].message,
            "the cell holds 40000 characters; a cell holds at most 32,767");
}

TEST(XlsxReader, ZipBombIsRefusedBeforeUnpacking) {
  // 60 MB of one repeated row deflates to well under a megabyte.
  std::string rows;
  const std::string row =
      R"(<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>)";
  while (rows.size() < 60u * 1024 * 1024) rows += row;
  const auto bytes = make_zip(minimal_workbook(sheet_xml(rows)));
  ASSERT_LT(bytes.size(), 2u * 1024 * 1024);
  const auto result = read_xlsx(bytes, "");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "file");
  EXPECT_EQ(result.problems[0].message,
            "the part xl/worksheets/sheet1.xml unpacks to more than 50 MB; the file is refused");
}

// Sets the uncompressed size the zip's headers claim for `part` (local header and
// central directory), as a crafted bomb would; returns how many headers it changed.
int claim_size(std::string& zip, const std::string& part, std::uint32_t size) {
  int patched = 0;
  const auto patch = [&](std::string_view signature, std::size_t size_at, std::size_t name_at) {
    for (auto at = zip.find(signature); at != std::string::npos; at = zip.find(signature, at + 1))
      if (zip.compare(at + name_at, part.size(), part) == 0) {
        for (int byte = 0; byte < 4; ++byte)
          zip[at + size_at + byte] = static_cast<char>((size >> (8 * byte)) & 0xFF);
        ++patched;
      }
  };
  patch(std::string_view("PK\x03\x04", 4), 22, 30);
  patch(std::string_view("PK\x01\x02", 4), 24, 46);
  return patched;
}

TEST(XlsxReader, ZipBombWithLyingHeadersIsStoppedWhileUnpacking) {
  std::string rows;
  const std::string row =
      R"(<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>)";
  while (rows.size() < 60u * 1024 * 1024) rows += row;
  auto bytes = make_zip(minimal_workbook(sheet_xml(rows)));
  ASSERT_EQ(claim_size(bytes, "xl/worksheets/sheet1.xml", 1000), 2);
  const auto result = read_xlsx(bytes, "");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "file");
  EXPECT_EQ(result.problems[0].message,
            "the part xl/worksheets/sheet1.xml unpacks to more than 50 MB; the file is refused");
}

TEST(XlsxReader, DoctypeWithEntitiesIsRefused) {
  const std::string bomb =
      R"(<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>)"
      R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>)";
  const auto result = read_xlsx(make_zip(minimal_workbook(bomb)), "");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "file");
  EXPECT_EQ(result.problems[0].message,
            "the part xl/worksheets/sheet1.xml declares a DOCTYPE (entity declarations are "
            "refused)");
}

TEST(XlsxReader, MalformedXmlIsNamed) {
  const auto result = read_xlsx(make_zip(minimal_workbook("<worksheet><sheetData>")), "");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_THAT(result.problems[0].message,
              HasSubstr("the part xl/worksheets/sheet1.xml is not well-formed XML"));
}

TEST(XlsxReader, FarAwayHeaderCellCannotBlowUpTheTable) {
  std::string rows = R"(<row r="1"><c r="XFD1" t="inlineStr"><is><t>h</t></is></c></row>)";
  for (int r = 2; r <= 100; ++r)
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
            "\"><v>1</v></c></row>";
  const auto result = read_xlsx(make_zip(minimal_workbook(sheet_xml(rows))), "");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "sheet 工作表1");
  EXPECT_THAT(result.problems[0].message, HasSubstr("more than 1,000,000 cells"));
  EXPECT_TRUE(result.table.rows.empty());
}

TEST(XlsxReader, CellsRightOfTheHeaderAndBadCellsAreNamed) {
  const auto bytes = make_zip(minimal_workbook(sheet_xml(
      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>名稱</t></is></c></row>)"
      R"(<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="C2"><v>5</v></c></row>)"
      R"(<row r="3"><c r="A3" t="e"><v>#DIV/0!</v></c></row>)"
      R"(<row r="4"><c r="A4" t="s"><v>7</v></c></row>)")));
  const auto result = read_xlsx(bytes, "");
  ASSERT_EQ(result.problems.size(), 3u);
  EXPECT_EQ(result.problems[0].path, "sheet 工作表1, cell A3");
  EXPECT_THAT(result.problems[0].message, HasSubstr("#DIV/0!"));
  EXPECT_EQ(result.problems[1].path, "sheet 工作表1, cell A4");
  EXPECT_EQ(result.problems[2].path, "sheet 工作表1, cell C2");
  EXPECT_THAT(result.problems[2].message, HasSubstr("right of the last header column (A)"));
}

TEST(XlsxReader, EmptySheet) {
  const auto result = read_xlsx(make_zip(minimal_workbook(sheet_xml(""))), "");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "sheet 工作表1");
  EXPECT_EQ(result.problems[0].message, "the sheet is empty: expected a header row");
}

}  // namespace
}  // namespace planscore::exchange
