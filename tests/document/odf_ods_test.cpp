// write_ods read back by python3-odf and unzip: sheet names, cell values with their types
// and number styles, merged ranges, column widths and frozen rows.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

#include "document/odf/ods_writer.h"
#include "odf_ods_reader.h"

namespace planscore::test {
namespace {

using document::NumberFormat;
using document::Sheet;
using document::sheet_number;
using document::sheet_text;
using document::SheetCell;
using document::Workbook;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

Workbook indicator_workbook() {
  Sheet indicators;
  indicators.name = "衡量指標";
  indicators.column_widths = {20, 12, 10, 10};
  indicators.frozen_rows = 2;
  SheetCell goal = sheet_text("目標", true);
  goal.fill = document::Colour{0xd9, 0xe2, 0xf3};
  indicators.rows = {
      {sheet_text("臺中市政府秘書處 衡量指標", true), {}, {}, {}},
      {goal, sheet_text("指標"), sheet_text("104"), sheet_text("達成率")},
      {sheet_text("一、強化"), sheet_text("線上簽核比率"),
       sheet_number(1234567.5, NumberFormat::decimal, 2),
       sheet_number(0.953, NumberFormat::percent, 1)},
      {{},
       sheet_text("A & B <c> \"q\" \x01z"),
       sheet_number(12000, NumberFormat::integer),
       sheet_number(0.5)},
  };
  indicators.merges = {{0, 0, 0, 3}, {2, 0, 3, 0}};
  Sheet scores;
  scores.name = "分數";
  scores.rows = {{sheet_text("分數")}, {sheet_number(-1234.56, NumberFormat::decimal, 1)}};
  return Workbook{"衡量指標與分數", {indicators, scores}};
}

class OdsWriter : public ::testing::Test {
 protected:
  std::vector<std::string> read_back(const Workbook& workbook) {
    path_ = directory_.write("book.ods", document::write_ods(workbook));
    return python_lines(directory_, kOdsReader, path_);
  }

  TempDirectory directory_;
  std::string path_;
};

TEST_F(OdsWriter, MimetypeIsTheFirstEntryAndStored) {
  const std::string bytes = document::write_ods(indicator_workbook());
  EXPECT_EQ(bytes.substr(30, 8), "mimetype");
  EXPECT_EQ(bytes.substr(38, 46), "application/vnd.oasis.opendocument.spreadsheet");
  const std::string path = directory_.write("book.ods", bytes);
  const CommandResult listing = run_command("unzip -v " + path);
  ASSERT_EQ(listing.status, 0) << listing.output;
  EXPECT_THAT(listing.output, ::testing::ContainsRegex("Stored .* mimetype"));
}

TEST_F(OdsWriter, LoadsWithSheetsNamedInChinese) {
  const auto lines = read_back(indicator_workbook());
  EXPECT_THAT(tagged(lines, "ENTRIES"),
              ElementsAre("mimetype content.xml styles.xml meta.xml settings.xml "
                          "META-INF/manifest.xml"));
  EXPECT_THAT(tagged(lines, "TITLE"), ElementsAre("衡量指標與分數"));
  EXPECT_THAT(tagged(lines, "SHEET"), ElementsAre("衡量指標\t4", "分數\t1"));
  // Four columns of 20, 12, 10 and 10 characters at a quarter centimetre each; the second
  // sheet has no widths.
  EXPECT_THAT(tagged(lines, "COLUMN"), ElementsAre("5.000cm", "3.000cm", "2.500cm", "2.500cm", ""));
}

TEST_F(OdsWriter, NumbersKeepTheirValuesAndNumberStyles) {
  const auto lines = read_back(indicator_workbook());
  const auto cells = tagged(lines, "CELL");
  // row, column, type, value, text, spans, number style, bold, fill
  EXPECT_THAT(cells, Contains("2\t2\tfloat\t1234567.5\t1,234,567.50\t\tnumber-style:2:true\t\t"));
  EXPECT_THAT(cells, Contains("2\t3\tpercentage\t0.953\t95.3%\t\tpercentage-style:1:\t\t"));
  EXPECT_THAT(cells, Contains("3\t2\tfloat\t12000\t12,000\t\tnumber-style:0:true\t\t"));
  EXPECT_THAT(cells, Contains("3\t3\tfloat\t0.5\t0.5\t\t\t\t"));
  // The second sheet: a negative number with grouping, rounded for display only.
  EXPECT_THAT(cells, Contains("1\t0\tfloat\t-1234.56\t-1,234.6\t\tnumber-style:1:true\t\t"));
}

TEST_F(OdsWriter, TextCellsAreStringsWithStylesAndSpecialCharacters) {
  const auto cells = tagged(read_back(indicator_workbook()), "CELL");
  EXPECT_THAT(cells, Contains("1\t0\tstring\t\t目標\t\t\tbold\t#d9e2f3"));
  EXPECT_THAT(cells, Contains("1\t3\tstring\t\t達成率\t\t\t\t"));
  EXPECT_THAT(cells, Contains("3\t1\tstring\t\tA & B <c> \"q\" z\t\t\t\t"));
}

TEST_F(OdsWriter, MergesAreSpansOverCoveredCells) {
  const auto lines = read_back(indicator_workbook());
  EXPECT_THAT(tagged(lines, "CELL"),
              Contains("0\t0\tstring\t\t臺中市政府秘書處 衡量指標\t4x1\t\tbold\t"));
  EXPECT_THAT(tagged(lines, "CELL"), Contains(StartsWith("2\t0\tstring\t\t一、強化\t1x2\t")));
  EXPECT_THAT(tagged(lines, "COVERED"), ElementsAre("0\t1", "0\t2", "0\t3", "3\t0"));
  // Every row keeps the sheet's four slots.
  EXPECT_THAT(tagged(lines, "ROW"), ElementsAre("0\t4", "1\t4", "2\t4", "3\t4", "0\t1", "1\t1"));
}

TEST_F(OdsWriter, FrozenHeaderRowsInTheViewSettings) {
  const auto lines = read_back(indicator_workbook());
  EXPECT_THAT(tagged(lines, "FREEZE"), ElementsAre("衡量指標\t2\t2\t0"));
}

TEST_F(OdsWriter, UnwritableValuesAndOverlappingMergesAreLeftOut) {
  Sheet sheet;
  sheet.name = "檢查";
  sheet.rows = {{sheet_number(std::numeric_limits<double>::quiet_NaN()), sheet_text("b")},
                {sheet_text("c")}};
  sheet.merges = {{0, 0, 1, 0}, {1, 0, 1, 1}, {0, 1, 0, 0}};
  const auto lines = read_back(Workbook{"", {sheet}});
  EXPECT_THAT(
      tagged(lines, "CELL"),
      ElementsAre("0\t0\t\t\t\t1x2\t\t\t", "0\t1\tstring\t\tb\t\t\t\t", "1\t1\t\t\t\t\t\t\t"));
  EXPECT_THAT(tagged(lines, "COVERED"), ElementsAre("1\t0"));
}

TEST_F(OdsWriter, EmptyWorkbookStillHasASheet) {
  const auto lines = read_back(Workbook{});
  EXPECT_THAT(tagged(lines, "SHEET"), ElementsAre("Sheet1\t1"));
  const CommandResult content = run_command("unzip -p " + path_ + " content.xml");
  EXPECT_THAT(content.output, HasSubstr("<table:table-row>"));
}

}  // namespace
}  // namespace planscore::test
