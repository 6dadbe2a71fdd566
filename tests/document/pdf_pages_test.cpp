// The PDF writer's pages: cover, contents with true page labels, running header and
// body page labels, read back with pdftotext.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "document/pdf/pdf_writer.h"
#include "document/pdf_test_support.h"

namespace planscore::document {
namespace {

using pdf_test::count_of;
using pdf_test::page_lines;
using pdf_test::pdf_pages;

const std::string kTitle = "臺中市政府秘書處中程施政計畫";

std::string filler(int sentences, const std::string& tag) {
  std::string text;
  for (int i = 0; i < sentences; ++i)
    text += "本處積極落實各項施政目標，致力推動各項工作" + tag + std::to_string(i) + "。";
  return text;
}

Document base_document() {
  Document document;
  document.title = kTitle + "(104 至 107 年度)";
  document.running_header = kTitle + "(104 至 107 年度)";
  document.page_number_prefix = "1-";
  document.cover = Cover{kTitle, "(104 至 107 年度)", "中華民國 104 年 3 月"};
  return document;
}

// The page whose last line is the label, as a 0-based index; -1 when none is.
int page_labelled(const std::vector<std::string>& pages, const std::string& label) {
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const auto lines = page_lines(pages[i]);
    if (!lines.empty() && lines.back() == label) return static_cast<int>(i);
  }
  return -1;
}

// The label printed after `heading` on its contents line.
std::string contents_label(const std::string& contents, const std::string& heading) {
  for (const std::string& line : page_lines(contents)) {
    if (line.rfind(heading, 0) != 0) continue;
    std::smatch match;
    if (std::regex_search(line, match, std::regex(R"((1-\d+)$)"))) return match[1];
  }
  return {};
}

TEST(PdfPages, CoverCarriesTitleSubtitleAndDateWithoutPageLabel) {
  Document document = base_document();
  document.blocks.push_back(Paragraph{"正文"});
  const std::string pdf = write_pdf(document);
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
  const auto pages = pdf_pages(pdf);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_NE(pages[0].find(kTitle), std::string::npos);
  EXPECT_NE(pages[0].find("(104 至 107 年度)"), std::string::npos);
  EXPECT_NE(pages[0].find("中華民國 104 年 3 月"), std::string::npos);
  EXPECT_EQ(pages[0].find("1-"), std::string::npos);
  // No contents: numbering starts right after the cover.
  EXPECT_EQ(page_lines(pages[1]).back(), "1-1");
}

TEST(PdfPages, MetadataTitleIsTheDocumentTitle) {
  Document document = base_document();
  const pdf_test::TempFile file(write_pdf(document));
  const std::string info = pdf_test::run("pdfinfo '" + file.path() + "'");
  std::string title;
  for (const std::string& line : page_lines(info))
    if (line.rfind("Title:", 0) == 0) title = pdf_test::trim(line.substr(6));
  EXPECT_EQ(title, document.title) << info;
}

TEST(PdfPages, BodyPagesCarryRunningHeaderAndNumberedLabels) {
  Document document = base_document();
  document.blocks.push_back(ContentsTable{"【目 錄】"});
  document.blocks.push_back(Heading{1, "壹、環境情勢分析與優先發展課題"});
  for (int i = 0; i < 12; ++i) document.blocks.push_back(Paragraph{filler(12, "甲")});
  const auto pages = pdf_pages(write_pdf(document));
  ASSERT_GE(pages.size(), 5u);  // cover, contents, three or more body pages

  EXPECT_EQ(pages[0].find(document.running_header), std::string::npos);
  const auto contents = page_lines(pages[1]);
  EXPECT_EQ(contents.front(), document.running_header);
  EXPECT_EQ(contents.back().rfind("壹、", 0), 0u) << "the contents page has no label";
  for (std::size_t i = 2; i < pages.size(); ++i) {
    const auto lines = page_lines(pages[i]);
    EXPECT_EQ(lines.front(), document.running_header) << "page " << i + 1;
    EXPECT_EQ(lines.back(), "1-" + std::to_string(i - 1)) << "page " << i + 1;
  }
}

TEST(PdfPages, ContentsListsHeadingsWithThePageTheyLandOn) {
  Document document = base_document();
  document.blocks.push_back(ContentsTable{"【目 錄】"});
  document.blocks.push_back(Heading{1, "壹、環境情勢分析與優先發展課題"});
  document.blocks.push_back(Heading{2, "一、環境情勢分析"});
  document.blocks.push_back(Paragraph{filler(5, "乙")});
  document.blocks.push_back(PageBreak{});
  document.blocks.push_back(Heading{2, "二、優先發展課題"});
  for (int i = 0; i < 10; ++i) document.blocks.push_back(Paragraph{filler(10, "丙")});
  document.blocks.push_back(Heading{1, "貳、現有計畫執行成效與資源分配檢討"});
  document.blocks.push_back(Heading{3, "(一)不列入目錄的標題", false});
  document.blocks.push_back(Paragraph{"結語"});
  const auto pages = pdf_pages(write_pdf(document));
  ASSERT_GE(pages.size(), 4u);
  const std::string& contents = pages[1];
  EXPECT_NE(contents.find("【目 錄】"), std::string::npos);
  EXPECT_EQ(contents.find("不列入目錄的標題"), std::string::npos);

  EXPECT_EQ(contents_label(contents, "壹、環境情勢分析與優先發展課題"), "1-1");
  EXPECT_EQ(contents_label(contents, "一、環境情勢分析"), "1-1");
  EXPECT_EQ(contents_label(contents, "二、優先發展課題"), "1-2");  // after the PageBreak
  const std::string last = contents_label(contents, "貳、現有計畫執行成效與資源分配檢討");
  ASSERT_FALSE(last.empty());
  EXPECT_GT(std::stoi(last.substr(2)), 2);
  for (const std::string heading : {"壹、環境情勢分析與優先發展課題", "二、優先發展課題",
                                    "貳、現有計畫執行成效與資源分配檢討"}) {
    const int page = page_labelled(pages, contents_label(contents, heading));
    ASSERT_GE(page, 0) << heading;
    EXPECT_NE(pages[page].find(heading), std::string::npos) << heading;
    // And pdftotext of that page alone agrees.
    const std::string alone = pdf_test::pdf_text(write_pdf(document), page + 1, page + 1);
    EXPECT_NE(alone.find(heading), std::string::npos) << heading;
  }
}

TEST(PdfPages, ContentsLongerThanAPageStillPointsAtTheRightPages) {
  Document document = base_document();
  document.blocks.push_back(ContentsTable{"【目 錄】"});
  std::vector<std::string> headings;
  for (int i = 1; i <= 70; ++i) {
    headings.push_back("第" + std::to_string(i) + "節標題H" + std::to_string(i) + "X");
    document.blocks.push_back(Heading{2, headings.back()});
    document.blocks.push_back(Paragraph{filler(i % 7 + 1, "丁")});
  }
  const auto pages = pdf_pages(write_pdf(document));
  std::string contents;
  std::size_t first_body = 0;
  for (std::size_t i = 1; i < pages.size(); ++i) {
    if (page_labelled(pages, "1-1") == static_cast<int>(i)) {
      first_body = i;
      break;
    }
    contents += pages[i];
  }
  ASSERT_GE(first_body, 3u) << "70 entries take more than one contents page";
  for (const std::string& heading : headings) {
    const std::string label = contents_label(contents, heading);
    ASSERT_FALSE(label.empty()) << heading;
    const int page = page_labelled(pages, label);
    ASSERT_GE(page, 0) << label;
    EXPECT_EQ(count_of(pages[page], heading), 1) << heading << " on " << label;
  }
}

TEST(PdfPages, HeadingNeverEndsAPage) {
  Document document = base_document();
  std::vector<std::string> headings;
  for (int i = 1; i <= 60; ++i) {
    headings.push_back("標題K" + std::to_string(i) + "K");
    document.blocks.push_back(Heading{i % 3 + 1, headings.back()});
    document.blocks.push_back(Paragraph{filler(i % 5 + 2, "戊")});
  }
  const auto pages = pdf_pages(write_pdf(document));
  ASSERT_GE(pages.size(), 4u);
  for (std::size_t i = 1; i < pages.size(); ++i) {
    const auto lines = page_lines(pages[i]);
    ASSERT_GE(lines.size(), 2u);
    const std::string& last_text = lines[lines.size() - 2];  // above the page label
    EXPECT_EQ(last_text.rfind("標題K", 0), std::string::npos) << "page " << i + 1;
  }
}

TEST(PdfPages, HeadingThatWouldEndAPageMovesWithItsParagraph) {
  // Some count of one-line paragraphs leaves room for the heading but not for the
  // paragraph after it; whichever that is, the heading goes over with the paragraph.
  for (int lines = 20; lines <= 34; ++lines) {
    Document document;
    document.page_number_prefix = "1-";
    document.blocks.assign(lines, Paragraph{"一行文字"});
    document.blocks.push_back(Heading{1, "壹、跟隨段落的標題"});
    document.blocks.push_back(Paragraph{filler(6, "己")});
    const auto pages = pdf_pages(write_pdf(document));
    for (const auto& page : pages) {
      const auto page_text = page_lines(page);
      ASSERT_GE(page_text.size(), 2u);
      EXPECT_NE(page_text[page_text.size() - 2], "壹、跟隨段落的標題") << lines << " lines";
    }
  }
}

}  // namespace
}  // namespace planscore::document
