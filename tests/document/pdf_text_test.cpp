// Paragraph text in the PDF: CJK survives, and a paragraph longer than a page continues
// on the next one without losing or repeating a line.
#include <gtest/gtest.h>

#include <string>

#include "document/pdf/pdf_writer.h"
#include "document/pdf_test_support.h"

namespace planscore::document {
namespace {

using pdf_test::count_of;
using pdf_test::pdf_pages;
using pdf_test::pdf_text;

TEST(PdfText, ChineseTextComesBackOut) {
  Document document;
  document.blocks.push_back(Heading{1, "壹、環境情勢分析"});
  document.blocks.push_back(Paragraph{"臺中市政府秘書處"});
  document.blocks.push_back(Paragraph{"備註：單位為新臺幣千元", 1, Align::end, false, true});
  const std::string text = pdf_text(write_pdf(document));
  EXPECT_NE(text.find("壹、環境情勢分析"), std::string::npos);
  EXPECT_NE(text.find("臺中市政府秘書處"), std::string::npos);
  EXPECT_NE(text.find("備註：單位為新臺幣千元"), std::string::npos);
}

TEST(PdfText, LongParagraphContinuesOnNextPagesLineByLine) {
  std::string text;
  for (int i = 100; i < 700; ++i) text += "推動電子公文節能減紙S" + std::to_string(i) + "E。";
  Document document;
  document.page_number_prefix = "1-";
  document.blocks.push_back(Paragraph{text, 1});
  const auto pages = pdf_pages(write_pdf(document));
  ASSERT_GE(pages.size(), 3u);
  std::string all;
  for (const auto& page : pages) all += page;
  for (int i = 100; i < 700; ++i) EXPECT_EQ(count_of(all, "S" + std::to_string(i) + "E"), 1) << i;
  // Full pages: the first page ends close to its bottom, not after a few lines.
  EXPECT_GE(pdf_test::page_lines(pages[0]).size(), 30u);
}

TEST(PdfText, PageBreakStartsANewPageButNotABlankOne) {
  Document document;
  document.blocks.push_back(Paragraph{"第一頁"});
  document.blocks.push_back(PageBreak{});
  document.blocks.push_back(PageBreak{});
  document.blocks.push_back(Paragraph{"第二頁"});
  const auto pages = pdf_pages(write_pdf(document));
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_NE(pages[0].find("第一頁"), std::string::npos);
  EXPECT_NE(pages[1].find("第二頁"), std::string::npos);
}

TEST(PdfText, EmptyDocumentIsStillAPdf) {
  const std::string pdf = write_pdf(Document{});
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(pdf_pages(pdf).size(), 1u);
}

}  // namespace
}  // namespace planscore::document
