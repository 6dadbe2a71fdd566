// Plan files come from any signed-in viewer; 5 MB of YAML shaped to be expensive must be
// refused before it costs hundreds of megabytes: a flow collection of 2.6 million entries
// took a gigabyte in yaml-cpp's scanner, 1.3 million `- a` lines 293 MB as a tree. Each
// refusal names the limit and where it was crossed, and real plans stay far below both.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "planfile/plan_file_test_support.h"
#include "planfile/plan_yaml.h"

namespace planscore::planfile {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string repeated(const std::string& piece, int count) {
  std::string text;
  text.reserve(piece.size() * count);
  for (int i = 0; i < count; ++i) text += piece;
  return text;
}

void expect_only_problem(const std::string& text, const std::string& message) {
  const auto result = load_yaml(text);
  EXPECT_FALSE(result.plan.has_value());
  ASSERT_EQ(result.problems.size(), 1u) << result.problems.size() << " problems";
  EXPECT_EQ(result.problems[0].path, "");
  EXPECT_EQ(result.problems[0].message, message);
}

const std::string kLongFlow =
    "a flow collection ([…] or {…}) holds more than 200,000 YAML tokens (values, commas, "
    "colons); write long lists and maps in block style, one item per line";

TEST(LoadYamlSizeLimits, AWideFlowCollectionIsRefusedAtItsBracket) {
  // 100,000 entries `a, ` and the brackets: 200,002 tokens.
  expect_only_problem("id: x\nchapters: [" + repeated("a, ", 100000) + "]\n",
                      kLongFlow + " (line 2, column 11)");
  expect_only_problem("{" + repeated("k: 1, ", 50001) + "}", kLongFlow + " (line 1, column 1)");
  // Nested collections count in the outermost one.
  expect_only_problem("- [" + repeated("[a, a, a, a, a, a, a, a, a],\n  ", 10001) + "]",
                      kLongFlow + " (line 1, column 3)");
}

TEST(LoadYamlSizeLimits, TokensYamlCppWouldHoldAreRefusedWhereTheyStart) {
  expect_only_problem("k: a\n" + repeated("b\n", 200001),
                      "more than 200,000 YAML tokens in a row without a `key:`; write one "
                      "`key: value` or `- item` per line (line 1, column 4)");
}

TEST(LoadYamlSizeLimits, ALongBlockListIsRefusedAtTheLineOfItsNodePastTheLimit) {
  // The root map, `id`, `x`, `chapters` and the list are five nodes: item 199,996 is the
  // 200,001st node, on line 2 + 199,996.
  expect_only_problem("id: x\nchapters:\n" + repeated("  - a\n", 300000),
                      "more than 200,000 keys and values; a plan file holds a few thousand "
                      "(line 199998, column 5)");
  // Keys count too: with the root map, the value on line 100,000 is the 200,001st node.
  expect_only_problem(repeated("k: v\n", 100001),
                      "more than 200,000 keys and values; a plan file holds a few thousand "
                      "(line 100000, column 4)");
}

TEST(LoadYamlSizeLimits, UpToTheLimitsNothingIsRefusedForItsSize) {
  // 200,000 nodes: the root map, `id`, `x`, `chapters`, the list and 199,995 items.
  const auto nodes = load_yaml("id: x\nchapters:\n" + repeated("  - a\n", 199995));
  // 199,998 tokens: the brackets and 99,998 entries `a,`.
  const auto tokens = load_yaml("chapters: [" + repeated("a,", 99998) + "]\n");
  for (const auto* result : {&nodes, &tokens}) {
    EXPECT_FALSE(result->problems.empty());  // not plans, but not refused for their size
    for (const auto& problem : result->problems) {
      EXPECT_THAT(problem.message, Not(HasSubstr("200,000"))) << core::to_string(problem);
    }
  }
}

TEST(LoadYamlSizeLimits, RealPlansLoad) {
  const auto shipped = load_yaml(testing::shipped_plan_text());
  for (const auto& problem : shipped.problems) ADD_FAILURE() << core::to_string(problem);
  EXPECT_TRUE(shipped.plan.has_value());
  EXPECT_TRUE(load_yaml(testing::kMinimalPlan).plan.has_value());
}

}  // namespace
}  // namespace planscore::planfile
