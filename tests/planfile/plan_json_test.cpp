// The JSON export: the keys other tools rely on, computed budget figures, and load_json.
#include "planfile/plan_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "planfile/plan_file_test_support.h"
#include "planfile/plan_yaml.h"

namespace planscore::planfile {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

core::Plan shipped_plan() {
  return load_yaml(testing::shipped_plan_text()).plan.value();
}

TEST(ToJson, IndicatorsCarryTheDocumentedKeys) {
  json exported = json::parse(to_json(shipped_plan()));
  const json& indicator = exported["dimensions"][0]["goals"][0]["indicators"][0];
  for (const char* key : {"id", "name", "weight", "kind", "unit", "targets", "formula", "standard",
                          "method", "framework", "decimals", "owner_section", "baseline"})
    EXPECT_TRUE(indicator.contains(key)) << key;
  EXPECT_EQ(indicator["targets"]["104"], 500);
  EXPECT_TRUE(indicator["targets"]["104"].is_number_integer());
  EXPECT_EQ(indicator["kind"], "higher_is_better");
  EXPECT_TRUE(indicator["baseline"].is_null());
}

TEST(ToJson, BudgetLinesCarryComputedFigures) {
  json exported = json::parse(to_json(shipped_plan()));
  const json& first = exported["budget"][0];
  EXPECT_EQ(first["period_sum"], 588);
  EXPECT_EQ(first["total"], 866);
  EXPECT_EQ(first["years"]["105"], 147);
  const json& parent = exported["budget"][1];
  EXPECT_EQ(parent["children"][2]["prior"], 0);
  EXPECT_EQ(parent["children"][2]["total"], 750);
  EXPECT_EQ(exported["budget_total"]["prior"], 1528);
  EXPECT_EQ(exported["budget_total"]["years"]["107"], 1726);
  EXPECT_EQ(exported["budget_total"]["period_sum"], 6904);
  EXPECT_EQ(exported["budget_total"]["total"], 10158);
}

TEST(LoadJson, IgnoresComputedFiguresButNotOtherUnknownKeys) {
  json exported = json::parse(to_json(shipped_plan()));
  exported["budget"][0]["total"] = 1;  // computed keys are never read back
  auto result = load_json(exported.dump());
  ASSERT_TRUE(result.plan.has_value());
  EXPECT_EQ(*result.plan, shipped_plan());

  exported["budget"][0]["totl"] = 1;
  result = load_json(exported.dump());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "budget[0].totl");
  EXPECT_THAT(result.problems[0].message, HasSubstr("unknown key `totl`"));
}

TEST(LoadJson, StructuralProblems) {
  auto result = load_json(R"({"id": "x", "name": "y", "first_year": "104", "last_year": 107})");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "first_year");
  EXPECT_THAT(result.problems[0].message, HasSubstr("expected a whole number"));

  result = load_json("{\"id\": ");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_THAT(result.problems[0].message, HasSubstr("JSON syntax error"));

  result = load_json(std::string(100000, '[') + std::string(100000, ']'));
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_THAT(result.problems[0].message, HasSubstr("nested deeper than 64"));
}

TEST(LoadJson, MoreKeysAndValuesThanLoadYamlTakesAreRefusedBeforeTheTree) {
  // 5 MB of `[1,1,…]` took 500 MB as a document and a tree. The object, `id` and the array
  // are three nodes, so the number at position 199,997 is the 200,001st.
  std::string text = "{\"id\":[";
  for (int i = 0; i < 300000; ++i) text += "1,";
  text += "1]}";
  const auto result = load_json(text);
  EXPECT_FALSE(result.plan.has_value());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "id[199997]");
  EXPECT_EQ(result.problems[0].message,
            "more than 200,000 keys and values; a plan file holds a few thousand");
}

TEST(LoadJson, AKeyGivenTwiceIsRefusedNotSilentlyDropped) {
  // The tree keeps only the last of two equal keys; YAML plans already refuse the repeat.
  auto result =
      load_json(R"({"id": "x", "name": "first", "first_year": 104, "last_year": 107,)"
                R"( "budget": [{"number": "1", "name": "a", "name": "b"}], "name": "second"})");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_FALSE(result.plan.has_value());
  EXPECT_EQ(result.problems[0].path, "budget[0].name");
  EXPECT_EQ(result.problems[0].message, "key `name` is given twice; keep one");
}

TEST(LoadJson, NestingIsRefusedWithItsPath) {
  std::string text = R"({"id": "x", "chapters": )";
  for (int i = 0; i < 100; ++i) text += R"([{"children": )";
  const auto result = load_json(text);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_THAT(result.problems[0].message, HasSubstr("nested deeper than 64"));
  EXPECT_TRUE(result.problems[0].path.starts_with("chapters[0].children[0].children[0]"))
      << result.problems[0].path;
}

}  // namespace
}  // namespace planscore::planfile
