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
