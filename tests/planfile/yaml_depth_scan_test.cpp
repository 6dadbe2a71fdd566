// Nesting measured before yaml-cpp reads the text: its scanner holds a whole flow
// collection in memory first (5 MB of `[` took 1.2 GB), so the limit must come before it.
// The scan must not count brackets yaml-cpp reads as text, or valid plans would be refused.
#include "planfile/yaml_depth_scan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "planfile/plan_file_test_support.h"
#include "planfile/plan_yaml.h"

namespace planscore::planfile {
namespace {

using ::testing::HasSubstr;

std::string repeated(const std::string& piece, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += piece;
  return text;
}

void expect_refused_at(const std::string& text, int line, int column) {
  const auto deep = find_too_deep_nesting(text, 64);
  ASSERT_TRUE(deep.has_value()) << text.substr(0, 80);
  EXPECT_EQ(deep->line, line) << text.substr(0, 80);
  EXPECT_EQ(deep->column, column) << text.substr(0, 80);
}

TEST(YamlDepthScan, FlowNestingIsRefusedAtTheBracketPastTheLimit) {
  expect_refused_at(std::string(100000, '['), 1, 65);
  expect_refused_at(repeated("{a: ", 100000), 1, 64 * 4 + 1);
  expect_refused_at(repeated("{\"a\":", 100000), 1, 64 * 5 + 1);
  expect_refused_at("id: x\nchapters: " + std::string(100000, '['), 2, 10 + 65);
  // Brackets closed inside quotes do not close a collection.
  expect_refused_at(repeated("[\"]\"", 100), 1, 64 * 4 + 1);
  expect_refused_at(repeated("['}'", 100), 1, 64 * 4 + 1);
  // Nor does a comment end one: a flow collection runs across lines.
  expect_refused_at(repeated("[ # ]\n", 100), 65, 1);
  EXPECT_FALSE(find_too_deep_nesting(std::string(64, '[') + std::string(64, ']'), 64));
}

TEST(YamlDepthScan, BlockNestingIsRefusedToo) {
  expect_refused_at(repeated("- ", 100000), 1, 129);
  std::string indented;
  for (int depth = 0; depth < 3000; ++depth) indented += std::string(depth, ' ') + "a:\n";
  expect_refused_at(indented, 65, 65);
}

TEST(YamlDepthScan, BracketsInTextAreNotNesting) {
  const std::string deep = std::string(100, '[') + std::string(100, '{');
  const std::vector<std::string> texts = {
      "name: \"" + deep + "\"\n",
      "name: '" + deep + "'\n",
      "name: \"a\n  " + deep + "\"\n",     // a quoted scalar over two lines
      "name: a " + deep + "\n",            // plain text after its first character
      "name: a\n  " + deep + "\nid: x\n",  // a plain scalar's next line
      "- a\n  b\n  " + deep + "\n",        // a list item's plain text over three lines
      "# " + deep + "\nid: x\n",           // a comment
      "id: x # " + deep + "\n",
      "text: |\n  " + deep + "\n  more\nid: x\n",  // a block scalar
      "- text: >-\n    " + deep + "\n\n    " + deep + "\n- x\n",
      "text: |2\n   " + deep + "\nid: x\n",  // an explicit indentation
      "names: [\"" + deep + "\", '" + deep + "', a b]\n",
      "name: it's " + deep + "\n",
  };
  for (const auto& text : texts) EXPECT_FALSE(find_too_deep_nesting(text, 64).has_value()) << text;
}

TEST(YamlDepthScan, TextThatEndsBeforeTheBracketsDoesNotHideThem) {
  // Each of these ends its scalar where yaml-cpp does, then nests.
  const std::string deep = std::string(100, '[');
  const std::vector<std::string> texts = {
      "a: \"x\" " + deep,  // after a quoted scalar on the same line
      "a: 'x''" + std::string("' ") + deep,
      "a: |\n  x\n" + deep,                // after a block scalar's last line
      "- - |\n   x\n  " + deep,            // less indented than the block scalar's text
      std::string("\xEF\xBB\xBF") + deep,  // after a byte order mark, which yaml-cpp drops
      "a: b\n" + deep,                     // a plain scalar's next line at the map's column
      "a: b\r\"\n" + deep,                 // a lone carriage return breaks no line in yaml-cpp 0.7
      "[a'b, " + deep,                     // a quote inside a plain scalar starts nothing
      "[&a \"x, [ \"" + deep,              // an anchor before a quoted scalar
  };
  for (const auto& text : texts) EXPECT_TRUE(find_too_deep_nesting(text, 64).has_value()) << text;
}

TEST(YamlDepthScan, TheByteYamlCppTakesForTheEndOfItsInputIsRefused) {
  // yaml-cpp read `-` before U+0004 as a list entry and the brackets after it as nesting,
  // where the scan reads one plain scalar over both lines (found by fuzz_yaml_depth_scan).
  const auto result = load_yaml("-\x04\n" + std::string(100, '['));
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].message,
            "the file contains the control character U+0004 on line 1; plan files are UTF-8 text");
}

TEST(YamlDepthScan, LoadYamlRefusesDeepFlowBeforeYamlCppReadsIt) {
  // A root-level collection: yaml-cpp used to scan all of it (over a gigabyte for 5 MB)
  // and then complained about the key, not the nesting.
  const auto result = load_yaml(std::string(1000000, '['));
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].message, "nested deeper than 64 levels (line 1, column 65)");
  // The shipped-style minimal plan with bracket-heavy text still loads.
  std::string plan = testing::kMinimalPlan;
  plan += "chapters:\n  - heading: 附錄\n    text: |\n      " + std::string(80, '[') +
          "\n      \"{{\" " + std::string(80, '{') + "\n";
  const auto loaded = load_yaml(plan);
  EXPECT_TRUE(loaded.plan.has_value());
  for (const auto& problem : loaded.problems)
    EXPECT_THAT(problem.message, ::testing::Not(HasSubstr("nested")));
}

}  // namespace
}  // namespace planscore::planfile
