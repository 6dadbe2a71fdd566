#include "core/register/csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace planscore::core {
namespace {

using ::testing::ElementsAre;
using Fields = std::vector<std::string>;

TEST(Csv, ReadsHeaderAndRows) {
  const CsvResult result = read_csv("date,count\n2015-03-15,12\n2015-04-01,3\n");
  EXPECT_TRUE(result.problems.empty());
  EXPECT_THAT(result.table.header, ElementsAre("date", "count"));
  EXPECT_THAT(result.table.rows,
              ElementsAre(Fields{"2015-03-15", "12"}, Fields{"2015-04-01", "3"}));
  EXPECT_THAT(result.table.row_lines, ElementsAre(2, 3));
}

TEST(Csv, QuotedFieldsKeepCommasQuotesAndNewlines) {
  const CsvResult result =
      read_csv("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\"\nnext,2,3\n");
  EXPECT_TRUE(result.problems.empty());
  EXPECT_THAT(result.table.rows,
              ElementsAre(Fields{"x, y", "say \"hi\"", "line1\nline2"}, Fields{"next", "2", "3"}));
  // The second row starts after the two physical lines of the first.
  EXPECT_THAT(result.table.row_lines, ElementsAre(2, 4));
}

TEST(Csv, AcceptsCrLfLfAndLoneCrLineEnds) {
  const CsvResult result = read_csv("a,b\r\n1,2\n3,4\r5,6");
  EXPECT_TRUE(result.problems.empty());
  EXPECT_THAT(result.table.rows, ElementsAre(Fields{"1", "2"}, Fields{"3", "4"}, Fields{"5", "6"}));
  EXPECT_THAT(result.table.row_lines, ElementsAre(2, 3, 4));
}

TEST(Csv, StripsByteOrderMark) {
  const CsvResult result = read_csv("\xEF\xBB\xBF日期,人數\r\n104/03/15,12\r\n");
  EXPECT_TRUE(result.problems.empty());
  EXPECT_THAT(result.table.header, ElementsAre("日期", "人數"));
}

TEST(Csv, ChineseHeadersAndValues) {
  const CsvResult result =
      read_csv("日期,課程名稱,參加人數\n104/03/15,\"公文寫作、研習（進階）\",35\n");
  EXPECT_TRUE(result.problems.empty());
  EXPECT_THAT(result.table.header, ElementsAre("日期", "課程名稱", "參加人數"));
  EXPECT_THAT(result.table.rows, ElementsAre(Fields{"104/03/15", "公文寫作、研習（進階）", "35"}));
}

TEST(Csv, TrailingNewlineMakesNoEmptyRowAndBlankLinesAreSkipped) {
  const CsvResult result = read_csv("\r\na\n\n1\r\n\r\n2\n\n");
  EXPECT_TRUE(result.problems.empty());
  EXPECT_THAT(result.table.header, ElementsAre("a"));
  EXPECT_THAT(result.table.rows, ElementsAre(Fields{"1"}, Fields{"2"}));
  EXPECT_THAT(result.table.row_lines, ElementsAre(4, 6));
}

TEST(Csv, EmptyFieldsAreKept) {
  const CsvResult result = read_csv("a,b,c\n,,\n\"\",x,\n");
  EXPECT_TRUE(result.problems.empty());
  EXPECT_THAT(result.table.rows, ElementsAre(Fields{"", "", ""}, Fields{"", "x", ""}));
}

TEST(Csv, RaggedRowsAreReportedWithTheirLineAndLeftOut) {
  const CsvResult result = read_csv("a,b\n1,2\n1,2,3\n4\n5,6\n");
  ASSERT_EQ(result.problems.size(), 2u);
  EXPECT_EQ(result.problems[0].path, "line 3");
  EXPECT_EQ(result.problems[0].message, "the row has 3 cells; the header has 2");
  EXPECT_EQ(result.problems[1].path, "line 4");
  EXPECT_THAT(result.table.rows, ElementsAre(Fields{"1", "2"}, Fields{"5", "6"}));
  EXPECT_THAT(result.table.row_lines, ElementsAre(2, 5));
}

TEST(Csv, InvalidUtf8IsReportedWithItsLine) {
  // "\xA4\xE9\xB4\xC1" is 日期 in Big5.
  const CsvResult result = read_csv("a,b\n1,2\n\xA4\xE9\xB4\xC1,3\n");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "line 3");
  EXPECT_THAT(result.problems[0].message, ::testing::HasSubstr("UTF-8"));
}

TEST(Csv, RejectsOverlongAndSurrogateUtf8) {
  EXPECT_EQ(read_csv("a\n\xC0\xAF\n").problems.size(), 1u);
  EXPECT_EQ(read_csv("a\n\xED\xA0\x80\n").problems.size(), 1u);
  EXPECT_EQ(read_csv("a\n\xF4\x90\x80\x80\n").problems.size(), 1u);
  EXPECT_EQ(read_csv("a\n\xE6\x97\xA5\n").problems.size(), 0u);  // 日
}

TEST(Csv, ManyInvalidLinesAreSummarised) {
  std::string text = "a\n";
  for (int i = 0; i < 50; ++i) text += "\xA4\xE9\n";
  const CsvResult result = read_csv(text);
  ASSERT_EQ(result.problems.size(), 11u);
  EXPECT_EQ(result.problems.back().path, "");
  EXPECT_THAT(result.problems.back().message, ::testing::HasSubstr("40 more"));
}

TEST(Csv, UnterminatedQuoteIsReportedWhereTheFieldStarts) {
  const CsvResult result = read_csv("a,b\n1,2\n3,\"open\nstill open\n");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "line 3");
  EXPECT_THAT(result.problems[0].message, ::testing::HasSubstr("never closed"));
  EXPECT_THAT(result.table.rows, ElementsAre(Fields{"1", "2"}));
}

TEST(Csv, TextAfterClosingQuoteIsReportedButKept) {
  const CsvResult result = read_csv("a,b\n\"x\"y,2\n");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "line 2");
  EXPECT_THAT(result.table.rows, ElementsAre(Fields{"xy", "2"}));
}

TEST(Csv, EmptyInputIsAProblem) {
  EXPECT_EQ(read_csv("").problems.size(), 1u);
  EXPECT_EQ(read_csv("\xEF\xBB\xBF\r\n\r\n").problems.size(), 1u);
}

TEST(Csv, RejectsInputOver100Megabytes) {
  const std::string huge(kMaxCsvBytes + 1, 'a');
  const CsvResult result = read_csv(huge);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_THAT(result.problems[0].message, ::testing::HasSubstr("100 MB"));
  EXPECT_TRUE(result.table.header.empty());
}

TEST(Csv, CsvLineQuotesOnlyWhenNeeded) {
  EXPECT_EQ(csv_line({"a", "b c", "日期"}), "a,b c,日期\r\n");
  EXPECT_EQ(csv_line({"x, y", "say \"hi\"", "l1\nl2", "cr\r"}),
            "\"x, y\",\"say \"\"hi\"\"\",\"l1\nl2\",\"cr\r\"\r\n");
  EXPECT_EQ(csv_line({"", "a", ""}), ",a,\r\n");
  EXPECT_EQ(csv_line({""}), "\"\"\r\n");  // otherwise a blank line, which readers skip
}

TEST(Csv, RoundTripThroughCsvLine) {
  const std::vector<Fields> lines{
      {"日期", "課程名稱", "備註"},
      {"104/03/15", "公文寫作, 進階", "他說\"好\""},
      {"2015-04-01", "多行\r\n說明\n第三行", ""},
      {"\xEF\xBB\xBF"
       "bom",
       "\r", "\""},
  };
  // Written as they are, so this checks the quoting alone (the formula rule has tests of
  // its own below).
  std::string text;
  for (const auto& fields : lines) {
    std::vector<CsvCell> cells;
    for (const auto& field : fields) cells.push_back(CsvCell::formatted(field));
    text += csv_line(cells);
  }
  const CsvResult result = read_csv(text);
  EXPECT_TRUE(result.problems.empty());
  EXPECT_EQ(result.table.header, lines[0]);
  EXPECT_THAT(result.table.rows, ElementsAre(lines[1], lines[2], lines[3]));
}

TEST(Csv, SingleEmptyFieldRoundTrips) {
  const CsvResult result = read_csv(csv_line({"a"}) + csv_line({""}));
  EXPECT_TRUE(result.problems.empty());
  EXPECT_THAT(result.table.rows, ElementsAre(Fields{""}));
}

}  // namespace
}  // namespace planscore::core

namespace planscore::core {
namespace {

// Every start a spreadsheet runs as a formula, with and without quotes before it.
const std::vector<std::string> kFormulaTexts{
    "=HYPERLINK(\"http://example.test\",\"click\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=",
    "-",
    "'=1+1",
    "''+1",
    "'''@x",
    "'\t",
};

TEST(CsvFormulas, TextThatStartsAFormulaIsWrittenAsText) {
  EXPECT_EQ(neutralize_csv_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
  EXPECT_EQ(neutralize_csv_text("+1+cmd|' /C calc'!A0"), "'+1+cmd|' /C calc'!A0");
  EXPECT_EQ(neutralize_csv_text("-2+3"), "'-2+3");
  EXPECT_EQ(neutralize_csv_text("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(neutralize_csv_text("\t=1+1"), "'\t=1+1");
  EXPECT_EQ(neutralize_csv_text("\r=1+1"), "'\r=1+1");
  // Quotes before a formula start get one more, so the import knows which to take off.
  EXPECT_EQ(neutralize_csv_text("'=1+1"), "''=1+1");
  EXPECT_EQ(neutralize_csv_text("''-1"), "'''-1");
  for (const auto& text : kFormulaTexts) {
    const std::string written = neutralize_csv_text(text);
    ASSERT_FALSE(written.empty());
    EXPECT_EQ(std::string("=+-@\t\r").find(written.front()), std::string::npos) << written;
  }
}

TEST(CsvFormulas, OtherTextIsLeftAlone) {
  for (const std::string text : {"", "研習", "a=b", "1-2", " =1", "'", "''", "'abc", "'1", "5"}) {
    EXPECT_EQ(neutralize_csv_text(text), text);
    EXPECT_EQ(restore_csv_text(text), text);
  }
}

TEST(CsvFormulas, RestoreUndoesNeutralizeForEveryText) {
  std::vector<std::string> texts = kFormulaTexts;
  for (const std::string text : {"", "研習", "a=b", "'", "''", "'abc", " =1", "'x=1"})
    texts.push_back(text);
  for (const auto& text : texts) {
    EXPECT_EQ(restore_csv_text(neutralize_csv_text(text)), text) << text;
    // Twice over (an export of an import of an export) it still comes back.
    EXPECT_EQ(restore_csv_text(restore_csv_text(neutralize_csv_text(neutralize_csv_text(text)))),
              text);
  }
  // A hand-made file's formula is taken as it is: only a ' the export added comes off.
  EXPECT_EQ(restore_csv_text("=1+1"), "=1+1");
  EXPECT_EQ(restore_csv_text("'=1+1"), "=1+1");
  EXPECT_EQ(restore_csv_text("''=1+1"), "'=1+1");
}

TEST(CsvFormulas, CsvLineNeutralizesTextButWritesFormattedValuesAsTheyAre) {
  EXPECT_EQ(csv_line({"=1+1", CsvCell::formatted("-5"), "-5", CsvCell::formatted("2015-03-01"),
                      "\t=2", "a,=b"}),
            "'=1+1,-5,'-5,2015-03-01,'\t=2,\"a,=b\"\r\n");
  // A text starting with CR is quoted after its ', and reads back whole.
  const CsvResult result = read_csv(csv_line({"h1", "h2"}) + csv_line({"\r=1", "+x"}));
  ASSERT_TRUE(result.problems.empty());
  ASSERT_EQ(result.table.rows.size(), 1u);
  EXPECT_EQ(restore_csv_text(result.table.rows[0][0]), "\r=1");
  EXPECT_EQ(restore_csv_text(result.table.rows[0][1]), "+x");
}

}  // namespace
}  // namespace planscore::core
