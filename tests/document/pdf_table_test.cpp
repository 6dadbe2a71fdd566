// Tables in the PDF: broken across pages between rows with the header repeated, spans
// drawn once, row-span groups kept together, and no row lost.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "document/pdf/pdf_writer.h"
#include "document/pdf_test_support.h"

namespace planscore::document {
namespace {

using pdf_test::count_of;
using pdf_test::pdf_pages;

std::string row_tag(int i) {
  return "R" + std::to_string(1000 + i) + "X";
}

Table long_table(int rows) {
  Table table;
  table.column_widths = {1, 3, 1};
  table.header_rows = 1;
  table.rows.push_back({{"編號", 1, 1, Align::center, true, Colour{220, 220, 220}},
                        {"衡量指標名稱", 1, 1, Align::center, true, Colour{220, 220, 220}},
                        {"目標值", 1, 1, Align::center, true, Colour{220, 220, 220}}});
  for (int i = 0; i < rows; ++i)
    table.rows.push_back({{row_tag(i)},
                          {"檔案全文影像掃描比率 " + std::to_string(i)},
                          {std::to_string(80 + i % 20) + "%", 1, 1, Align::end}});
  return table;
}

TEST(PdfTable, LongTableRepeatsItsHeaderAndKeepsEveryRowOnce) {
  Document document;
  document.page_number_prefix = "1-";
  document.blocks.push_back(Paragraph{"表一 衡量指標"});
  document.blocks.push_back(long_table(120));
  document.blocks.push_back(Paragraph{"表後文字"});
  const auto pages = pdf_pages(write_pdf(document));
  ASSERT_GE(pages.size(), 3u);
  std::string all;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    all += pages[i];
    EXPECT_EQ(count_of(pages[i], "衡量指標名稱"), 1) << "page " << i + 1;
    EXPECT_EQ(count_of(pages[i], "目標值"), 1) << "page " << i + 1;
  }
  for (int i = 0; i < 120; ++i) EXPECT_EQ(count_of(all, row_tag(i)), 1) << row_tag(i);
  EXPECT_NE(pages.back().find("表後文字"), std::string::npos);
}

TEST(PdfTable, SpannedCellsPrintTheirTextOnce) {
  Table table;
  table.column_widths = {1, 1, 1};
  table.header_rows = 1;
  table.rows = {{{"跨欄標題", 3, 1, Align::center, true}},
                {{"跨列甲", 1, 3}, {"B1"}, {"C1"}},
                {{"B2"}, {"C2"}},
                {{"跨兩欄乙", 2, 1}}};
  Document document;
  document.blocks.push_back(table);
  const std::string text = pdf_test::pdf_text(write_pdf(document));
  for (const std::string cell : {"跨欄標題", "跨列甲", "跨兩欄乙", "B1", "C1", "B2", "C2"})
    EXPECT_EQ(count_of(text, cell), 1) << cell;
}

TEST(PdfTable, RowSpanGroupsStayOnOnePage) {
  Table table;
  table.column_widths = {1, 2, 2};
  table.header_rows = 1;
  table.rows.push_back({{"策略目標"}, {"指標"}, {"說明"}});
  for (int g = 0; g < 40; ++g) {
    const std::string group = "G" + std::to_string(100 + g);
    table.rows.push_back({{group + "Z", 1, 4}, {group + "a"}, {"說明文字"}});
    for (const char* part : {"b", "c", "d"}) table.rows.push_back({{group + part}, {"說明文字"}});
  }
  Document document;
  document.blocks.push_back(Paragraph{"前言"});
  document.blocks.push_back(table);
  const auto pages = pdf_pages(write_pdf(document));
  ASSERT_GE(pages.size(), 3u);
  for (int g = 0; g < 40; ++g) {
    const std::string group = "G" + std::to_string(100 + g);
    int found_on = -1;
    for (std::size_t p = 0; p < pages.size(); ++p)
      if (pages[p].find(group + "Z") != std::string::npos) found_on = static_cast<int>(p);
    ASSERT_GE(found_on, 0) << group;
    for (const char* part : {"a", "b", "c", "d"})
      EXPECT_EQ(count_of(pages[found_on], group + part), 1) << group << part;
  }
}

TEST(PdfTable, GroupTallerThanAPageIsSplitWithoutLosingRows) {
  Table table;
  table.column_widths = {1, 3};
  table.header_rows = 1;
  table.rows.push_back({{"類別"}, {"項目"}});
  table.rows.push_back({{"整組", 1, 90}, {row_tag(0)}});
  for (int i = 1; i < 90; ++i) table.rows.push_back({{row_tag(i)}});
  Document document;
  document.blocks.push_back(table);
  const auto pages = pdf_pages(write_pdf(document));
  ASSERT_GE(pages.size(), 2u);
  std::string all;
  for (const auto& page : pages) {
    all += page;
    EXPECT_EQ(count_of(page, "項目"), 1);
  }
  EXPECT_EQ(count_of(all, "整組"), 1);
  for (int i = 0; i < 90; ++i) EXPECT_EQ(count_of(all, row_tag(i)), 1) << row_tag(i);
}

TEST(PdfTable, MalformedTableIsRejected) {
  Table table;
  table.column_widths = {1};
  table.rows = {{{"甲"}, {"乙"}}};
  Document document;
  document.blocks.push_back(table);
  EXPECT_THROW(write_pdf(document), std::invalid_argument);
}

}  // namespace
}  // namespace planscore::document
