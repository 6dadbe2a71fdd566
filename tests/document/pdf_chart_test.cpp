// Charts: painted into the PDF as vectors with readable text, and as PNG for the ODT
// writer.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "document/chart/chart_painter.h"
#include "document/pdf/pdf_writer.h"
#include "document/pdf_test_support.h"

namespace planscore::document {
namespace {

Chart score_chart() {
  Chart chart;
  chart.title = "策略績效目標達成分數";
  chart.value_label = "分數";
  chart.categories = {"104", "105", "106", "107"};
  chart.series = {{"提升行政效能", {80, 85.5, 90, 92}},
                  {"強化採購效益", {70, std::nullopt, 88, 95}},
                  {"推動城市外交", {std::nullopt, std::nullopt, std::nullopt, 60}}};
  return chart;
}

std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i)
    value = value << 8 | static_cast<unsigned char>(bytes.at(at + i));
  return value;
}

TEST(PdfChart, TitleSeriesNamesAndCategoriesAreInThePdf) {
  Document document;
  document.blocks.push_back(Paragraph{"圖一"});
  document.blocks.push_back(score_chart());
  const std::string text = pdf_test::pdf_text(write_pdf(document));
  for (const std::string expected :
       {"策略績效目標達成分數", "提升行政效能", "強化採購效益", "推動城市外交", "104", "107"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
}

TEST(PdfChart, ChartThatDoesNotFitMovesToTheNextPage) {
  Document document;
  std::string text;
  for (int i = 0; i < 45; ++i) text += "填滿頁面的文字內容。";
  for (int i = 0; i < 3; ++i) document.blocks.push_back(Paragraph{text});
  document.blocks.push_back(score_chart());
  const auto pages = pdf_test::pdf_pages(write_pdf(document));
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].find("策略績效目標達成分數"), std::string::npos);
  EXPECT_NE(pages[1].find("策略績效目標達成分數"), std::string::npos);
}

TEST(PdfChart, PngHasTheSignatureAndTheSizeAskedFor) {
  const std::string png = chart_png(score_chart(), 800, 400);
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  EXPECT_EQ(big_endian(png, 16), 800u);
  EXPECT_EQ(big_endian(png, 20), 400u);
}

TEST(PdfChart, EmptyAndFlatChartsStillPaint) {
  Chart empty;
  EXPECT_EQ(chart_png(empty, 100, 50).substr(1, 3), "PNG");
  Chart flat;
  flat.categories = {"104", "105"};
  flat.series = {{"持平", {5, 5}}};
  EXPECT_EQ(chart_png(flat, 100, 50).substr(1, 3), "PNG");
}

}  // namespace
}  // namespace planscore::document
