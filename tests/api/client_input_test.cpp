// Reading request bodies and list queries (http/api/client_input.h, record_input.h)
// without a server: the cases fuzz_json_body and fuzz_query_filters found.
#include "http/api/client_input.h"

#include <gtest/gtest.h>

#include "http/api/record_input.h"

namespace planscore::http {
namespace {

// The problems of a BadInput; fails the test when nothing is thrown.
template <typename Read>
core::Problems refusal(Read read) {
  try {
    read();
  } catch (const BadInput& refused) {
    return refused.problems;
  }
  ADD_FAILURE() << "the input was accepted";
  return {};
}

TEST(ClientInput, NumberBeyondADoubleIsABadRequestNotAServerError) {
  // nlohmann-json refuses 1e400 with out_of_range, which used to escape as a 500.
  const auto problems = refusal([] {
    parse_json_object(R"({"value":1e400,"version":1})", {"value", "version"});
  });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.front().path, "body");
}

TEST(ClientInput, TextWithANulCharacterIsRefusedNamingWhere) {
  // Neither database keeps a NUL inside text; refused here, it cannot be cut off there.
  auto problems = refusal([] {
    parse_json_object(R"({"values":{"title":"a\u0000b"},"version":1})", {"values", "version"});
  });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.front().path, "values.title");
  problems = refusal([] { parse_json_object(R"({"body":["ok","\u0000"]})", {"body"}); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.front().path, "body.1");
  EXPECT_NO_THROW(parse_json_object(R"({"body":"a\u0001b"})", {"body"}));
}

std::string nested_body(int depth, const std::string& key) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += "{\"" + key + "\":";
  return text + "1" + std::string(static_cast<std::size_t>(depth), '}');
}

TEST(ClientInput, NestingIsRefusedBeforeAnyTreeIsWalked) {
  // 20,000 levels (120 KB) overflowed the stack of the recursive NUL check: SIGSEGV
  // before sign-in.
  auto problems = refusal([] { parse_json_object(nested_body(20000, "a"), {"a"}); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.front().message, "nested deeper than 65 levels");
  EXPECT_EQ(problems.front().path.size(), 65u * 2 - 1);  // a.a.….a, 65 keys
  // 1,500 levels of 1,000-character keys built and kept a path per level (1.3 GB).
  const std::string key(1000, 'k');
  problems = refusal([&] { parse_json_object(nested_body(1500, key), {key}); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.front().path.size(), 65u * 1001 - 1);
  // A plan edit carries a whole plan file (64 levels) one level down.
  EXPECT_NO_THROW(parse_json_object(nested_body(65, "plan"), {"plan"}));
}

TEST(ClientInput, AKeyGivenTwiceIsRefusedNotSilentlyDropped) {
  // The parsed object keeps only the last "version": a client's stale first one vanished.
  auto problems = refusal([] {
    parse_json_object(R"({"version":1,"values":{"title":"a"},"version":2})", {"values", "version"});
  });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.front().path, "version");
  EXPECT_EQ(problems.front().message, "is given twice; keep one");
  problems =
      refusal([] { parse_json_object(R"({"values":{"title":"a","title":"b"}})", {"values"}); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.front().path, "values.title");
}

TEST(ClientInput, NulDeepInsideIsRefusedWithItsPath) {
  auto problems = refusal([] {
    parse_json_object(R"({"rows":[{"name":"a"},{"name":"b","tags":["x","\u0000"]}]})", {"rows"});
  });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.front().path, "rows.1.tags.1");
}

TEST(ClientInput, WholeNumberBeyondInt64IsRefusedNotWrapped) {
  // 18446744073709551615 used to be read as version -1.
  const auto body = parse_json_object(R"({"version":18446744073709551615})", {"version"});
  const auto problems = refusal([&] { required_int(body, "version"); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.front().path, "version");
  EXPECT_EQ(
      required_int(parse_json_object(R"({"version":9223372036854775807})", {"version"}), "version"),
      INT64_MAX);
}

TEST(ClientInput, RecordValuesKeepLargeWholeNumbersAsWritten) {
  // The field's own range check must see the number the client wrote, not -1.
  const auto values = record_values(
      nlohmann::json::parse(R"({"values":{"big":18446744073709551615,"small":-3,"rate":0.25}})"));
  EXPECT_EQ(values.at("big"), "18446744073709551615");
  EXPECT_EQ(values.at("small"), "-3");
  EXPECT_EQ(values.at("rate"), "0.25");
}

TEST(ClientInput, ListYearIsCheckedBeforeItIsNarrowed) {
  // 4294967400 used to become year 104 when narrowed to int.
  for (const std::string year : {"4294967400", "0", "10000"}) {
    Request request;
    request.query.emplace("year", year);
    const auto problems = refusal([&] { record_list_request(request); });
    ASSERT_EQ(problems.size(), 1u) << year;
    EXPECT_EQ(problems.front().path, "year");
  }
  Request request;
  request.query.emplace("year", "104");
  request.query.emplace("filter", "held_at:eq:10:30");
  const auto list = record_list_request(request);
  EXPECT_EQ(list.year, 104);
  ASSERT_EQ(list.filters.size(), 1u);
  EXPECT_EQ(list.filters.front().value, "10:30");
}

}  // namespace
}  // namespace planscore::http
