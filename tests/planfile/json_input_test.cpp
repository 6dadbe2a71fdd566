// The check every JSON reader of outside input runs before building a tree: nesting,
// keys given twice and NUL characters are refused in one pass, with the path of the one
// value refused.
#include "planfile/json_input.h"

#include <gtest/gtest.h>

#include <string>

namespace planscore::planfile {
namespace {

using Kind = JsonInputFault::Kind;

const JsonInputRules kBody{.max_depth = 32};

// `{"key":` `depth` times around 1.
std::string nested_objects(int depth, const std::string& key) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += "{\"" + key + "\":";
  return text + "1" + std::string(static_cast<std::size_t>(depth), '}');
}

std::string repeated_path(int count, const std::string& key) {
  std::string path = key;
  for (int i = 1; i < count; ++i) path += "." + key;
  return path;
}

TEST(JsonInput, NestingTwentyThousandDeepIsRefusedWhereItPassesTheLimit) {
  // 120 KB of objects used to crash the server's NUL check (one stack frame per level).
  const auto fault = find_json_input_fault(nested_objects(20000, "a"), kBody);
  ASSERT_TRUE(fault.has_value());
  EXPECT_EQ(fault->kind, Kind::too_deep);
  EXPECT_EQ(fault->path, repeated_path(32, "a"));
  const auto arrays =
      find_json_input_fault(std::string(20000, '[') + std::string(20000, ']'), kBody);
  ASSERT_TRUE(arrays.has_value());
  EXPECT_EQ(arrays->kind, Kind::too_deep);
  EXPECT_EQ(arrays->path, repeated_path(32, "0"));
  EXPECT_FALSE(find_json_input_fault(nested_objects(32, "a"), kBody).has_value());
}

TEST(JsonInput, LongKeysNestedDeepCostOnePathNotOnePerLevel) {
  // 1,500 levels of 1,000-character keys (1.5 MB) once built a path at every level and
  // kept them all (1.3 GB). The refusal comes at level 33 with one path of 32 keys.
  const std::string key(1000, 'k');
  const auto fault = find_json_input_fault(nested_objects(1500, key), kBody);
  ASSERT_TRUE(fault.has_value());
  EXPECT_EQ(fault->kind, Kind::too_deep);
  EXPECT_EQ(fault->path, repeated_path(32, key));
}

TEST(JsonInput, AKeyGivenTwiceInOneObjectIsRefusedNamingIt) {
  const auto fault =
      find_json_input_fault(R"({"version":1,"values":{"title":"a","title":"b"}})", kBody);
  ASSERT_TRUE(fault.has_value());
  EXPECT_EQ(fault->kind, Kind::duplicate_key);
  EXPECT_EQ(fault->path, "values.title");
  EXPECT_EQ(fault->key, "title");
  // The same key in different objects is no repeat.
  EXPECT_FALSE(find_json_input_fault(R"({"a":{"x":1},"b":{"x":1},"c":[{"x":1},{"x":2}]})", kBody)
                   .has_value());
}

TEST(JsonInput, NulIsRefusedWithThePathOfItsValueOrKey) {
  const std::string rows = R"({"rows":[{"name":"ok"},{"name":"ok","note":"a\u0000b"}]})";
  auto fault = find_json_input_fault(rows, kBody);
  ASSERT_TRUE(fault.has_value());
  EXPECT_EQ(fault->kind, Kind::nul_character);
  EXPECT_EQ(fault->path, "rows.1.note");
  fault = find_json_input_fault(rows, {.max_depth = 32, .index_style = JsonIndexStyle::bracketed});
  ASSERT_TRUE(fault.has_value());
  EXPECT_EQ(fault->path, "rows[1].note");
  std::string deep = "{\"x\":" + nested_objects(29, "d");
  deep.replace(deep.find("1}"), 1, "[\"\\u0000\"]");
  fault = find_json_input_fault(deep + "}", kBody);
  ASSERT_TRUE(fault.has_value());
  EXPECT_EQ(fault->path, "x." + repeated_path(29, "d") + ".0");
  fault = find_json_input_fault(R"({"values":{"a\u0000":1}})", kBody);
  ASSERT_TRUE(fault.has_value());
  EXPECT_EQ(fault->path, "values.(a key)");
  EXPECT_FALSE(find_json_input_fault(rows, {.max_depth = 32, .refuse_nul = false}).has_value());
}

TEST(JsonInput, SyntaxErrorsAreLeftToTheParser) {
  EXPECT_FALSE(find_json_input_fault("{\"a\": ", kBody).has_value());
  EXPECT_FALSE(find_json_input_fault("{\"a\": 1e400}", kBody).has_value());
  // A fault before the syntax error is still reported.
  EXPECT_TRUE(find_json_input_fault(R"({"a":1,"a":2,)", kBody).has_value());
}

TEST(JsonInput, KeysAndValuesPastALimitAreRefusedWhereTheLimitIsPassed) {
  const JsonInputRules rules{.max_depth = 32, .max_nodes = 5};
  // The object, `a`, the array and two numbers: five.
  EXPECT_FALSE(find_json_input_fault(R"({"a":[1,2]})", rules).has_value());
  const auto value = find_json_input_fault(R"({"a":[1,2,3]})", rules);
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ(value->kind, Kind::too_many_nodes);
  EXPECT_EQ(value->path, "a.2");
  // A key names its object.
  const auto key = find_json_input_fault(R"({"a":[1,2],"b":{}})", rules);
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->kind, Kind::too_many_nodes);
  EXPECT_EQ(key->path, "");
  // No limit unless asked.
  std::string many = "[1";
  for (int i = 0; i < 100000; ++i) many += ",1";
  EXPECT_FALSE(find_json_input_fault(many + "]", kBody).has_value());
}

}  // namespace
}  // namespace planscore::planfile
