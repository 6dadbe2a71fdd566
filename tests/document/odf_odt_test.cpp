// write_odt read back by python3-odf and unzip: the package layout, the text of every
// heading, paragraph and cell, spans and covered cells, page styles and the chart picture.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "document/odf/odt_writer.h"
#include "odf_odt_reader.h"

namespace planscore::test {
namespace {

using document::Align;
using document::Cell;
using document::Colour;
using document::Document;
using document::Heading;
using document::Paragraph;
using document::Table;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

Cell cell(std::string text, int column_span = 1, int row_span = 1) {
  Cell result;
  result.text = std::move(text);
  result.column_span = column_span;
  result.row_span = row_span;
  return result;
}

// The 衡量指標 table's shape: two header rows, a row span, a column span.
Table indicator_table() {
  Table table;
  table.column_widths = {3, 3, 1, 1, 1, 1};
  table.header_rows = 2;
  Cell goal = cell("策略績效目標", 1, 2);
  goal.fill = Colour{0xd9, 0xe2, 0xf3};
  goal.bold = true;
  goal.align = Align::center;
  table.rows = {
      {goal, cell("衡量指標", 1, 2), cell("年度目標值", 4)},
      {cell("104"), cell("105"), cell("106"), cell("107")},
      {cell("一、強化文書及檔案管理", 1, 2), cell("線上簽核比率"), cell("60%"), cell("65%"),
       cell("70%"), cell("75%")},
      {cell("第一行\n第二行"), cell("A & B <c>"), cell("\"q\""), cell(""), cell("x\x01y")},
  };
  table.rows[3][1].colour = Colour{0xc0, 0x00, 0x00};
  return table;
}

Document plan_document() {
  Document document;
  document.title = "臺中市政府秘書處中程施政計畫";
  document.running_header = "臺中市政府秘書處中程施政計畫(104 至 107 年度)";
  document.page_number_prefix = "1-";
  document.cover =
      document::Cover{"臺中市政府秘書處中程施政計畫", "(104 至 107 年度)", "中華民國 104 年 3 月"};
  Paragraph note{.text = "備註：單位為千元", .indent = 1, .small = true};
  Paragraph centred{.text = "置中粗體", .align = Align::center, .bold = true};
  document.blocks = {
      document::ContentsTable{"【目 錄】"},
      document::PageBreak{},
      Heading{1, "壹、環境情勢分析與優先發展課題"},
      Heading{2, "一、環境情勢分析"},
      Paragraph{.text = "在全球化時代中，城市競爭基本上已非單一城市。"},
      Heading{3, "(一) 廣續推動本府電子公文節能減紙作業", false},
      note,
      document::PageBreak{},
      Heading{1, "貳、現有計畫執行成效與資源分配檢討"},
      indicator_table(),
      centred,
  };
  return document;
}

class OdtWriter : public ::testing::Test {
 protected:
  std::vector<std::string> read_back(const Document& document) {
    path_ = directory_.write("plan.odt", document::write_odt(document));
    return python_lines(directory_, kOdtReader, path_);
  }

  TempDirectory directory_;
  std::string path_;
};

TEST_F(OdtWriter, MimetypeIsTheFirstEntryAndStored) {
  const std::string bytes = document::write_odt(plan_document());
  // A zip local header is 30 bytes; ODF readers sniff the name and type right after it.
  ASSERT_GT(bytes.size(), 100u);
  EXPECT_EQ(bytes.substr(0, 4), "PK\x03\x04");
  EXPECT_EQ(bytes.substr(30, 8), "mimetype");
  EXPECT_EQ(bytes.substr(38, 39), "application/vnd.oasis.opendocument.text");

  const std::string path = directory_.write("plan.odt", bytes);
  const CommandResult listing = run_command("unzip -v " + path);
  ASSERT_EQ(listing.status, 0) << listing.output;
  std::vector<std::string> entries;
  for (const std::string& line : split(listing.output, '\n'))
    if (line.find("  ") != std::string::npos &&
        (line.find("Stored") != std::string::npos || line.find("Defl:") != std::string::npos))
      entries.push_back(line);
  ASSERT_FALSE(entries.empty()) << listing.output;
  EXPECT_THAT(entries.front(), HasSubstr("Stored"));
  EXPECT_THAT(entries.front(), HasSubstr("mimetype"));
  EXPECT_THAT(entries[1], HasSubstr("Defl:"));
}

TEST_F(OdtWriter, LoadsWithItsPartsAndTitle) {
  const auto lines = read_back(plan_document());
  EXPECT_THAT(tagged(lines, "ENTRIES"),
              ElementsAre("mimetype content.xml styles.xml meta.xml META-INF/manifest.xml"));
  EXPECT_THAT(tagged(lines, "TITLE"), ElementsAre("臺中市政府秘書處中程施政計畫"));
  const CommandResult manifest = run_command("unzip -p " + path_ + " META-INF/manifest.xml");
  EXPECT_THAT(
      manifest.output,
      HasSubstr(
          R"(manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text")"));
  EXPECT_THAT(manifest.output, HasSubstr(R"(manifest:full-path="content.xml")"));
}

TEST_F(OdtWriter, HeadingsParagraphsAndContentsInOrder) {
  const auto lines = read_back(plan_document());
  std::vector<std::string> headings;
  for (const std::string& line : tagged(lines, "H")) {
    const auto fields = split(line, '\t');
    headings.push_back(fields[0] + " " + fields[1] + " " + fields[2]);
  }
  EXPECT_THAT(headings, ElementsAre("1 壹、環境情勢分析與優先發展課題 Heading_20_1",
                                    "2 一、環境情勢分析 Heading_20_2",
                                    "1 貳、現有計畫執行成效與資源分配檢討 Heading_20_1"));
  std::vector<std::string> paragraphs;
  for (const std::string& line : tagged(lines, "P")) paragraphs.push_back(split(line, '\t')[0]);
  EXPECT_THAT(
      paragraphs,
      ElementsAre("臺中市政府秘書處中程施政計畫", "(104 至 107 年度)", "中華民國 104 年 3 月", "",
                  "在全球化時代中，城市競爭基本上已非單一城市。",
                  "(一) 廣續推動本府電子公文節能減紙作業", "備註：單位為千元", "置中粗體"));
  // The unlisted heading keeps a heading's look but no outline level.
  EXPECT_THAT(lines, Contains(StartsWith("P\t(一) 廣續推動本府電子公文節能減紙作業\t"
                                         "Unlisted_20_Heading_20_3\t")));
  EXPECT_THAT(tagged(lines, "TOC"), ElementsAre("2"));
  EXPECT_THAT(tagged(lines, "TOCTITLE"), ElementsAre("【目 錄】"));
  EXPECT_THAT(tagged(lines, "TOCENTRY"),
              ElementsAre("Contents_20_1\t壹、環境情勢分析與優先發展課題",
                          "Contents_20_2\t一、環境情勢分析",
                          "Contents_20_1\t貳、現有計畫執行成效與資源分配檢討"));
  EXPECT_THAT(tagged(lines, "OTHER"), ElementsAre());
}

TEST_F(OdtWriter, ParagraphLooks) {
  const auto lines = read_back(plan_document());
  // text, parent, master, break, page number, asian weight, colour, align, indent, size
  EXPECT_THAT(lines, Contains("P\t備註：單位為千元\tText_20_body\t\t\t\t\t\t\t0.850cm\t10pt"));
  EXPECT_THAT(lines, Contains("P\t置中粗體\tText_20_body\t\t\t\tbold\t\tcenter\t\t"));
  EXPECT_THAT(
      lines,
      Contains("P\t在全球化時代中，城市競爭基本上已非單一城市。\tText_20_body\t\t\t\t\t\t\t\t"));
}

TEST_F(OdtWriter, CoverFrontMatterAndBodyOnTheirMasterPages) {
  const auto lines = read_back(plan_document());
  EXPECT_THAT(lines,
              Contains(StartsWith("P\t臺中市政府秘書處中程施政計畫\tCover_20_Title\tCover\t")));
  // The empty paragraph before the contents carries the switch to the front matter.
  EXPECT_THAT(lines, Contains(StartsWith("P\t\tStandard\tFront\t")));
  // The body starts numbering at 1; the next chapter starts on a new page.
  EXPECT_THAT(
      lines,
      Contains(StartsWith("H\t1\t壹、環境情勢分析與優先發展課題\tHeading_20_1\tStandard\t\t1\t")));
  EXPECT_THAT(
      lines,
      Contains(StartsWith("H\t1\t貳、現有計畫執行成效與資源分配檢討\tHeading_20_1\t\tpage\t\t")));
  EXPECT_THAT(
      tagged(lines, "MASTER"),
      ElementsAre("Cover\t21.000cmx29.700cm\t-\t-\t0",
                  "Front\t21.000cmx29.700cm\t臺中市政府秘書處中程施政計畫(104 至 107 年度)\t-\t0",
                  "Standard\t21.000cmx29.700cm\t臺中市政府秘書處中程施政計畫(104 至 107 "
                  "年度)\t1-1\t1"));
  EXPECT_THAT(tagged(lines, "FONT"), ElementsAre("Noto Serif CJK TC\tNoto Serif CJK TC\tzh\tTW"));
}

TEST_F(OdtWriter, TableRowsSpansAndHeaderRows) {
  const auto lines = read_back(plan_document());
  EXPECT_THAT(tagged(lines, "TABLE"), ElementsAre("Table1\t6\t\t\t\t"));
  EXPECT_THAT(tagged(lines, "COLUMN"),
              ElementsAre("3000*", "3000*", "1000*", "1000*", "1000*", "1000*"));
  // Every row holds the grid's six slots: cells plus covered cells.
  EXPECT_THAT(
      tagged(lines, "ROW"),
      ElementsAre("H\t6\t策略績效目標{1x2} | 衡量指標{1x2} | 年度目標值{4x1} | ~ | ~ | ~",
                  "H\t6\t~ | ~ | 104 | 105 | 106 | 107",
                  "B\t6\t一、強化文書及檔案管理{1x2} | 線上簽核比率 | 60% | 65% | 70% | 75%",
                  "B\t6\t~ | 第一行\\n第二行 | A & B <c> | \"q\" |  | xy"));
  // text, background, then the paragraph look as for P lines
  EXPECT_THAT(lines,
              Contains("CELL\t策略績效目標\t#d9e2f3\tTable_20_Contents\t\t\t\tbold\t\tcenter\t\t"));
  EXPECT_THAT(lines,
              Contains("CELL\tA & B <c>\ttransparent\tTable_20_Contents\t\t\t\t\t#c00000\t\t\t"));
}

TEST_F(OdtWriter, XmlSpecialAndInvalidCharactersComeOutReadable) {
  Document document;
  document.title = "A & B <\x01>";
  document.running_header = "頁首 & <header>";
  document.page_number_prefix = "\"1\"-";
  document.blocks = {Heading{1, "壹、<標題> & \"引號\""},
                     Paragraph{.text = "A & B < C > \"q\" 'x' \x01 end\x02  two\tand\xff"}};
  const auto lines = read_back(document);
  EXPECT_THAT(tagged(lines, "TITLE"), ElementsAre("A & B <>"));
  EXPECT_THAT(lines, Contains(StartsWith("H\t1\t壹、<標題> & \"引號\"\t")));
  // \x01 and \x02 vanish, the run of spaces and the tab survive, \xff becomes U+FFFD.
  EXPECT_THAT(lines,
              Contains(StartsWith("P\tA & B < C > \"q\" 'x'  end  two\\tand\xEF\xBF\xBD\t")));
  EXPECT_THAT(tagged(lines, "MASTER"),
              Contains("Standard\t21.000cmx29.700cm\t頁首 & <header>\t\"1\"-1\t1"));
}

TEST_F(OdtWriter, WithoutCoverOrContentsTheBodyStartsAtPageOne) {
  Document document;
  document.blocks = {Paragraph{.text = "第一段"}, document::PageBreak{},
                     Paragraph{.text = "第二段"}};
  const auto lines = read_back(document);
  EXPECT_THAT(tagged(lines, "P"), ElementsAre(StartsWith("第一段\tText_20_body\tStandard\t\t1\t"),
                                              StartsWith("第二段\tText_20_body\t\tpage\t\t")));
  // No running header: the masters have no header at all.
  EXPECT_THAT(tagged(lines, "MASTER"),
              Contains(StartsWith("Standard\t21.000cmx29.700cm\t-\t1\t1")));
}

TEST_F(OdtWriter, ChartIsAnEmbeddedPngPicture) {
  document::Chart chart;
  chart.title = "各目標分數";
  chart.value_label = "分數";
  chart.categories = {"104", "105", "106", "107"};
  chart.series = {{"目標一", {80.0, 85.5, std::nullopt, 90.0}},
                  {"目標二", {70.0, 75.0, 78.0, 82.0}}};
  Document document;
  document.blocks = {Heading{1, "圖表"}, chart};
  const auto lines = read_back(document);
  EXPECT_THAT(tagged(lines, "IMAGE"), ElementsAre("Pictures/chart1.png\t16.000cm"));
  EXPECT_THAT(tagged(lines, "ENTRIES"), ElementsAre(HasSubstr("Pictures/chart1.png")));
  const CommandResult picture = run_command("unzip -p " + path_ + " Pictures/chart1.png");
  EXPECT_EQ(picture.output.substr(0, 8), "\x89PNG\r\n\x1a\n");
  const CommandResult manifest = run_command("unzip -p " + path_ + " META-INF/manifest.xml");
  EXPECT_THAT(
      manifest.output,
      HasSubstr(R"(manifest:full-path="Pictures/chart1.png" manifest:media-type="image/png")"));
}

TEST_F(OdtWriter, SameDocumentSameBytes) {
  EXPECT_EQ(document::write_odt(plan_document()), document::write_odt(plan_document()));
}

TEST_F(OdtWriter, MalformedTableIsRefused) {
  Document document;
  Table table;
  table.column_widths = {1, 1};
  table.rows = {{cell("太寬", 3)}};
  document.blocks = {table};
  EXPECT_THROW(document::write_odt(document), std::invalid_argument);
}

}  // namespace
}  // namespace planscore::test
