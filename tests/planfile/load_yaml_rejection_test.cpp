// Every structural mistake is reported with the path (and line) of the offending key.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "planfile/plan_file_test_support.h"
#include "planfile/plan_yaml.h"

namespace planscore::planfile {
namespace {

using ::testing::HasSubstr;
using testing::kMinimalPlan;

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The single problem a text produces; fails the test when there is not exactly one.
core::Problem only_problem(const std::string& text) {
  auto result = load_yaml(text);
  EXPECT_FALSE(result.plan.has_value());
  if (result.problems.size() != 1)
    for (const auto& problem : result.problems) ADD_FAILURE() << core::to_string(problem);
  return result.problems.empty() ? core::Problem{} : result.problems.front();
}

const std::string kIndicator = "dimensions[0].goals[0].indicators[0]";

TEST(LoadYaml, AcceptsTheMinimalPlan) {
  auto result = load_yaml(kMinimalPlan);
  ASSERT_TRUE(result.plan.has_value());
  EXPECT_TRUE(result.problems.empty());
  const auto& indicator = result.plan->dimensions[0].goals[0].indicators[0];
  EXPECT_EQ(indicator.targets, (std::map<int, double>{{104, 500}, {105, 1.23}}));
  EXPECT_EQ(result.plan->policy, core::default_policy());
}

TEST(LoadYaml, MisspeltKeyNamesTheKeyAndTheAllowedOnes) {
  auto result = load_yaml(
      replaced(kMinimalPlan, "weight: 100\n            kind", "wieght: 100\n            kind"));
  ASSERT_FALSE(result.problems.empty());
  auto problem = result.problems.front();
  EXPECT_EQ(problem.path, kIndicator + ".wieght");
  EXPECT_THAT(problem.message, HasSubstr("unknown key `wieght`; did you mean `weight`?"));
  EXPECT_THAT(problem.message, HasSubstr("Allowed keys: id, number, name, weight, kind"));
  EXPECT_THAT(problem.message, HasSubstr("line 15, column 13"));
}

TEST(LoadYaml, MissingRequiredKey) {
  auto result = load_yaml(
      replaced(kMinimalPlan, "weight: 100\n            kind", "wieght: 100\n            kind"));
  // The misspelt weight is also missing: both are reported in one pass.
  ASSERT_EQ(result.problems.size(), 2u);
  EXPECT_EQ(result.problems[1].path, kIndicator);
  EXPECT_THAT(result.problems[1].message, HasSubstr("missing required key `weight`"));
}

TEST(LoadYaml, WrongTypes) {
  auto problem = only_problem(
      replaced(kMinimalPlan, "weight: 100\n            kind", "weight: lots\n            kind"));
  EXPECT_EQ(problem.path, kIndicator + ".weight");
  EXPECT_THAT(problem.message, HasSubstr("expected a number, found `lots`"));

  problem = only_problem(replaced(kMinimalPlan, "first_year: 104", "first_year: 104.5"));
  EXPECT_EQ(problem.path, "first_year");
  EXPECT_THAT(problem.message, HasSubstr("expected a whole number"));

  problem = only_problem(replaced(kMinimalPlan, "name: 業務", "name: [業務]"));
  EXPECT_EQ(problem.path, "dimensions[0].name");
  EXPECT_THAT(problem.message, HasSubstr("expected text, found a list"));

  problem = only_problem(replaced(kMinimalPlan, "  - id: business", "  - business\n  - id: x"));
  EXPECT_EQ(problem.path, "dimensions[0]");
  EXPECT_THAT(problem.message, HasSubstr("expected a map"));
}

TEST(LoadYaml, QuotedNumberIsText) {
  auto problem = only_problem(
      replaced(kMinimalPlan, "weight: 100\n            kind", "weight: \"100\"\n            kind"));
  EXPECT_EQ(problem.path, kIndicator + ".weight");
  EXPECT_THAT(problem.message, HasSubstr("expected a number, found the text `100`"));
}

TEST(LoadYaml, InfinityAndNanAreNotNumbers) {
  auto problem = only_problem(replaced(kMinimalPlan, "105: 1.23", "105: .inf"));
  EXPECT_EQ(problem.path, kIndicator + ".targets.105");
  problem = only_problem(replaced(kMinimalPlan, "105: 1.23", "105: nan"));
  EXPECT_EQ(problem.path, kIndicator + ".targets.105");
}

TEST(LoadYaml, BadEnumValueListsTheSpellings) {
  auto problem = only_problem(replaced(kMinimalPlan, "higher_is_better", "higher"));
  EXPECT_EQ(problem.path, kIndicator + ".kind");
  EXPECT_THAT(problem.message,
              HasSubstr("use one of: higher_is_better, lower_is_better, yes_no, milestone"));
}

TEST(LoadYaml, TargetKeysAreYears) {
  auto problem = only_problem(replaced(kMinimalPlan, "{104: 500,", "{民國104: 500,"));
  EXPECT_EQ(problem.path, kIndicator + ".targets.民國104");
  EXPECT_THAT(problem.message, HasSubstr("ROC years"));
}

TEST(LoadYaml, DuplicateKey) {
  auto problem = only_problem(replaced(kMinimalPlan, "name: 小計畫", "name: 小計畫\nname: 大計畫"));
  EXPECT_EQ(problem.path, "name");
  EXPECT_THAT(problem.message, HasSubstr("given twice"));
}

TEST(LoadYaml, SyntaxErrorHasLineAndColumn) {
  auto problem = only_problem(replaced(kMinimalPlan, "name: 業務", "name: [業務"));
  EXPECT_EQ(problem.path, "");
  EXPECT_THAT(problem.message, HasSubstr("YAML syntax error (line"));
  EXPECT_THAT(problem.message, HasSubstr("column"));
}

TEST(LoadYaml, AnUnquotedPercentUnitSaysToQuoteIt) {
  // Before: only "unknown token".
  auto problem = only_problem(std::string(kMinimalPlan) + "money_unit: %\n");
  EXPECT_THAT(problem.message, HasSubstr("unknown token"));
  EXPECT_THAT(problem.message,
              HasSubstr("a value starting with % must be quoted, e.g. unit: \"%\""));
}

TEST(LoadYaml, RefusesAnchorsTagsAndSeveralDocuments) {
  EXPECT_THAT(only_problem(replaced(kMinimalPlan, "name: 業務", "name: &n 業務")).message,
              HasSubstr("anchors and aliases"));
  EXPECT_THAT(
      only_problem(replaced(kMinimalPlan, "last_year: 105", "last_year: !!int 105")).message,
      HasSubstr("tags"));
  EXPECT_THAT(only_problem(std::string(kMinimalPlan) + "---\nid: other\n").message,
              HasSubstr("one document"));
}

TEST(LoadYaml, EmptyAndNonMapFiles) {
  EXPECT_THAT(only_problem("").message, HasSubstr("empty"));
  EXPECT_THAT(only_problem("# only a comment\n").message, HasSubstr("empty"));
  EXPECT_THAT(only_problem("- a\n- b\n").message, HasSubstr("expected a map"));
}

TEST(LoadYaml, RefusesDeepNestingWithoutCrashing) {
  std::string flow = "id: " + std::string(100000, '[') + std::string(100000, ']');
  EXPECT_THAT(only_problem(flow).message, HasSubstr("nested deeper than 64"));
  std::string block;
  for (int depth = 0; depth < 200; ++depth) block += std::string(depth * 2, ' ') + "- \n";
  EXPECT_FALSE(load_yaml(block).plan.has_value());
  std::string chapters = "id: x\nname: y\nfirst_year: 1\nlast_year: 1\nchapters:\n";
  for (int depth = 0; depth < 40; ++depth) {
    std::string indent(static_cast<std::size_t>(depth) * 4, ' ');
    chapters += indent + "  - heading: h\n" + indent + "    children:\n";
  }
  EXPECT_THAT(only_problem(chapters).message, HasSubstr("nested deeper than 64"));
}

TEST(LoadYaml, RefusesInputOverFiveMegabytes) {
  std::string huge = std::string(kMinimalPlan) + "# " + std::string(5 * 1024 * 1024, 'x') + "\n";
  EXPECT_THAT(only_problem(huge).message, HasSubstr("limited to 5242880 bytes"));
}

TEST(LoadYaml, RefusesTextThatIsNotUtf8) {
  EXPECT_THAT(only_problem(replaced(kMinimalPlan, "小計畫", "\xB0\xEA")).message,
              HasSubstr("not valid UTF-8 (line 2"));
}

TEST(LoadYaml, PolicyIsOptionalButChecked) {
  auto problem = only_problem(std::string(kMinimalPlan) + "policy:\n  no_value_scoring: skip\n");
  EXPECT_EQ(problem.path, "policy.no_value_scoring");
  EXPECT_THAT(problem.message, HasSubstr("zero, exclude"));

  auto result =
      load_yaml(std::string(kMinimalPlan) +
                "policy:\n  cap: 120\n  lights:\n    - {id: best, label: 白燈, at_least: 120}\n");
  ASSERT_TRUE(result.plan.has_value());
  EXPECT_EQ(result.plan->policy.cap, 120);
  ASSERT_EQ(result.plan->policy.lights.size(), 1u);
  EXPECT_EQ(result.plan->policy.lights[0].at_least, 120);
}

TEST(LoadYaml, ExclusionsShareAndSeparationOfDutiesAreReadAndWrittenBack) {
  auto result = load_yaml(std::string(kMinimalPlan) +
                          "policy:\n  no_value_scoring: exclude\n  min_valued_share: 75\n"
                          "separation_of_duties: false\n");
  ASSERT_TRUE(result.plan.has_value()) << result.problems.front().message;
  EXPECT_EQ(result.plan->policy.min_valued_share, 75);
  EXPECT_FALSE(result.plan->separation_of_duties);
  const auto again = load_yaml(to_yaml(*result.plan));
  ASSERT_TRUE(again.plan.has_value());
  EXPECT_EQ(*again.plan, *result.plan);
  EXPECT_TRUE(load_yaml(kMinimalPlan).plan->separation_of_duties);  // on unless turned off
}

TEST(LoadYaml, GeneratedChapterBodyIsOneOfTheRenderedParts) {
  auto problem = only_problem(std::string(kMinimalPlan) +
                              "chapters:\n  - heading: 參\n    generated: goal_table\n");
  EXPECT_EQ(problem.path, "chapters[0].generated");
  EXPECT_THAT(problem.message, HasSubstr("goals, indicator_table, action_items, budget_table"));
}

TEST(LoadYaml, ReportsEveryProblemInOnePass) {
  std::string text = replaced(kMinimalPlan, "higher_is_better", "higher");
  text = replaced(text, "first_year: 104", "first_yaer: 104");
  auto result = load_yaml(text);
  EXPECT_EQ(result.problems.size(), 3u);  // misspelt key, so first_year missing, bad kind
}

}  // namespace
}  // namespace planscore::planfile
