// The shipped plan's document through the PDF writer: every contents line points at
// the page its heading is printed on.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <string>
#include <variant>

#include "document/build/plan_document.h"
#include "document/pdf/pdf_writer.h"
#include "document/pdf_test_support.h"
#include "shipped_plan.h"

namespace planscore::document {
namespace {

using pdf_test::page_lines;

TEST(PdfPlanDocument, ContentsPageLabelsMatchWhereHeadingsArePrinted) {
  const Document document = plan_document(testing::shipped_plan());
  const auto pages = pdf_test::pdf_pages(write_pdf(document));
  ASSERT_GE(pages.size(), 5u);
  EXPECT_NE(pages[0].find(document.cover->title), std::string::npos);

  // The label each body page prints at its bottom.
  std::map<std::string, std::size_t> page_of;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const auto lines = page_lines(pages[i]);
    if (!lines.empty() && std::regex_match(lines.back(), std::regex(R"(1-\d+)")))
      page_of[lines.back()] = i;
  }
  ASSERT_TRUE(page_of.count("1-1"));
  std::string contents;
  for (std::size_t i = 1; i < page_of["1-1"]; ++i) contents += pages[i];

  int checked = 0;
  for (const Block& block : document.blocks) {
    const auto* heading = std::get_if<Heading>(&block);
    if (heading == nullptr || !heading->in_contents) continue;
    std::smatch match;
    const std::regex line(
        std::regex_replace(heading->text, std::regex(R"([()（）.*+?])"), R"(\$&)") +
        R"([ \t]+(1-\d+)\n)");
    ASSERT_TRUE(std::regex_search(contents, match, line)) << heading->text;
    const std::string label = match[1];
    ASSERT_TRUE(page_of.count(label)) << label;
    EXPECT_NE(pages[page_of[label]].find(heading->text), std::string::npos)
        << heading->text << " is not on " << label;
    ++checked;
  }
  EXPECT_GE(checked, 5);
}

}  // namespace
}  // namespace planscore::document
