// Nesting and the tokens yaml-cpp would hold, measured before yaml-cpp reads the text: its
// scanner holds a whole flow collection in memory first (5 MB of `[` took 1.2 GB, 5 MB of
// `[a,a,…]` 1 GB), so the limits must come before it. The scan must not count brackets
// yaml-cpp reads as text, or valid plans would be refused.
#include "planfile/yaml_depth_scan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "planfile/plan_file_test_support.h"
#include "planfile/plan_json.h"
#include "planfile/plan_yaml.h"
#include "planfile/yaml_tree.h"

namespace planscore::planfile {
namespace {

using ::testing::HasSubstr;

using Kind = YamlShapeFault::Kind;

std::string repeated(const std::string& piece, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += piece;
  return text;
}

// With the plan file's limits: each text here goes too deep before it holds many tokens.
std::optional<YamlShapeFault> too_deep(const std::string& text) {
  return find_yaml_shape_fault(text, {.max_depth = kMaxDepth, .max_tokens = kMaxYamlTokens});
}

void expect_refused_at(const std::string& text, int line, int column) {
  const auto deep = too_deep(text);
  ASSERT_TRUE(deep.has_value()) << text.substr(0, 80);
  EXPECT_EQ(deep->kind, Kind::too_deep) << text.substr(0, 80);
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
  EXPECT_FALSE(too_deep(std::string(64, '[') + std::string(64, ']')));
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
  for (const auto& text : texts) EXPECT_FALSE(too_deep(text).has_value()) << text;
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
      "a\r\n#\n" + deep,                   // a comment line after "\r\n" ends a plain scalar
      "[a'b, " + deep,                     // a quote inside a plain scalar starts nothing
      "[&a \"x, [ \"" + deep,              // an anchor before a quoted scalar
  };
  for (const auto& text : texts) EXPECT_TRUE(too_deep(text).has_value()) << text;
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

// Token limits small enough to cross by hand; the plan file's are kMaxYamlTokens.
constexpr int kTokens = 100;

std::optional<YamlShapeFault> too_long(const std::string& text) {
  return find_yaml_shape_fault(text, {.max_depth = kMaxDepth, .max_tokens = kTokens});
}

void expect_too_long_at(const std::string& text, Kind kind, int line, int column) {
  const auto fault = too_long(text);
  ASSERT_TRUE(fault.has_value()) << text.substr(0, 80);
  EXPECT_EQ(fault->kind, kind) << text.substr(0, 80);
  EXPECT_EQ(fault->line, line) << text.substr(0, 80);
  EXPECT_EQ(fault->column, column) << text.substr(0, 80);
}

TEST(YamlTokenScan, LongFlowCollectionsAreRefusedAtTheirOutermostBracket) {
  // 50 entries `a,` and the brackets: 101 tokens.
  expect_too_long_at("[" + repeated("a,", 50) + "]", Kind::long_flow_collection, 1, 1);
  expect_too_long_at("id: x\nchapters: [" + repeated("a, ", 50) + "]\n", Kind::long_flow_collection,
                     2, 11);
  expect_too_long_at("{" + repeated("k: 1, ", 25) + "}", Kind::long_flow_collection, 1, 1);
  // Nested collections count inside the outermost one, over several lines.
  expect_too_long_at("targets:\n  - [" + repeated("[a, a],\n     ", 20) + "]",
                     Kind::long_flow_collection, 2, 5);
  // Without commas too: yaml-cpp holds each `:`, `?`, quoted scalar or tag as a token.
  expect_too_long_at("[" + repeated(": ", 100) + "]", Kind::long_flow_collection, 1, 1);
  expect_too_long_at("- [" + repeated("'' ", 100) + "]", Kind::long_flow_collection, 1, 3);
  expect_too_long_at("[" + repeated(", ", 100) + "]", Kind::long_flow_collection, 1, 1);
}

TEST(YamlTokenScan, FlowCollectionsUpToTheLimitPass) {
  // 49 entries and the brackets: 100 tokens (49 × 2 + 2).
  EXPECT_FALSE(too_long("[" + repeated("a,", 49) + "]").has_value());
  // The count starts again with each outermost collection.
  EXPECT_FALSE(too_long(repeated("- [" + repeated("a, ", 40) + "]\n", 100)).has_value());
  EXPECT_FALSE(too_long(repeated("k: {" + repeated("a: 1, ", 20) + "}\n", 100)).has_value());
  // Text is one token however long: brackets and commas in quotes, spaces in plain text.
  EXPECT_FALSE(too_long("[\"" + repeated("a, [b], ", 1000) + "\", " + repeated("a b ", 1000) + "]")
                   .has_value());
}

TEST(YamlTokenScan, TokensYamlCppWouldHoldOutsideFlowCollectionsAreCounted) {
  // Each of these could still be a key until a `:` that never comes: yaml-cpp holds them.
  expect_too_long_at(repeated("'' ", 101), Kind::long_unread_run, 1, 1);
  expect_too_long_at("- " + repeated("!a ", 101), Kind::long_unread_run, 1, 3);
  // Plain text on lines of its own after a `key: value`: yaml-cpp takes the first line as
  // a key it has yet to confirm and holds everything after it (242 MB for 5 MB).
  expect_too_long_at("k: a\n" + repeated("b\n", 101), Kind::long_unread_run, 1, 4);
  // Flow collections on one line, each short, held behind the first.
  expect_too_long_at(repeated("[a] ", 101), Kind::long_unread_run, 1, 1);
}

TEST(YamlTokenScan, WhatYamlCppLetsGoIsNotCounted) {
  const std::vector<std::string> texts = {
      repeated("k: v\n", 1000),   // a key's `:` ends its hold
      repeated("'' ''\n", 1000),  // so does the end of a line
      repeated("- a\n", 1000),    // and the next item, left of the key
      "items:\n" + repeated("  - - a\n    - b\n", 500),
      repeated("- [a, b]\n", 1000),
      "text: |\n" + repeated("  a, b, [c]: d\n", 1000) + "k: v\n",
      repeated("---\n'' ''\n", 1000),  // a document marker (refused later, but no hold)
  };
  for (const auto& text : texts) EXPECT_FALSE(too_long(text).has_value()) << text.substr(0, 40);
}

TEST(YamlTokenScan, RealPlansAreFarFromTheLimits) {
  // The shipped plan, the largest real one, passes with a limit a thousandth of the
  // plan file's; so does it written wholly in flow style, as JSON.
  const std::string shipped = testing::shipped_plan_text();
  EXPECT_FALSE(too_long(shipped).has_value());
  const auto plan = load_yaml(shipped).plan;
  ASSERT_TRUE(plan.has_value());
  EXPECT_FALSE(find_yaml_shape_fault(to_json(*plan),
                                     {.max_depth = kMaxDepth, .max_tokens = kMaxYamlTokens / 10})
                   .has_value());
}

}  // namespace
}  // namespace planscore::planfile
