// Request and Response helpers: what handlers rely on when reading headers, cookies and
// parameters and when building answers.
#include "http/message.h"

#include <gtest/gtest.h>

namespace planscore::http {
namespace {

TEST(Request, HeaderLookupIgnoresCase) {
  Request request;
  request.headers = {{"content-type", "application/json"}};
  EXPECT_EQ(request.header("Content-Type"), "application/json");
  EXPECT_EQ(request.header("CONTENT-TYPE"), "application/json");
  EXPECT_EQ(request.header("accept"), "");

  Request by_hand;
  by_hand.headers = {{"X-Csrf-Token", "abc"}};
  EXPECT_EQ(by_hand.header("x-csrf-token"), "abc");
}

TEST(Request, CookiesFollowRfc6265) {
  Request request;
  request.headers = {
      {"cookie", "theme=dark;  session=abc=def ; empty=; quoted=\"q v\";Session=upper"}};
  EXPECT_EQ(request.cookie("theme"), "dark");
  EXPECT_EQ(request.cookie("session"), "abc=def");  // the value may contain '='
  EXPECT_EQ(request.cookie("Session"), "upper");    // names are case-sensitive
  EXPECT_EQ(request.cookie("empty"), "");
  EXPECT_EQ(request.cookie("quoted"), "q v");
  EXPECT_EQ(request.cookie("missing"), std::nullopt);
  EXPECT_EQ(Request{}.cookie("theme"), std::nullopt);
}

TEST(Request, FirstCookieOfANameWins) {
  Request request;
  request.headers = {{"cookie", "id=specific; id=general"}};
  EXPECT_EQ(request.cookie("id"), "specific");
}

TEST(Request, QueryValueIsTheFirstOfItsName) {
  Request request;
  request.query = {{"year", "105"}, {"year", "106"}, {"flag", ""}};
  EXPECT_EQ(request.query_value("year"), "105");
  EXPECT_EQ(request.query_value("flag"), "");
  EXPECT_EQ(request.query_value("other"), std::nullopt);
}

TEST(Request, ParamIsEmptyWhenAbsent) {
  Request request;
  request.path_params = {{"register", "volunteers"}};
  EXPECT_EQ(request.param("register"), "volunteers");
  EXPECT_EQ(request.param("record"), "");
}

TEST(Response, SetHeaderReplacesAnyCase) {
  Response response;
  response.headers = {{"content-type", "text/plain"}, {"X-Other", "1"}, {"Content-Type", "x"}};
  response.set_header("Content-Type", "text/csv");
  ASSERT_EQ(response.headers.size(), 2u);
  EXPECT_EQ(response.headers[0], (std::pair<std::string, std::string>{"X-Other", "1"}));
  EXPECT_EQ(response.headers[1], (std::pair<std::string, std::string>{"Content-Type", "text/csv"}));
}

TEST(Response, JsonSetsStatusBodyAndType) {
  const auto response = Response::json(201, R"({"id":1})");
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.body, R"({"id":1})");
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].first, "Content-Type");
  EXPECT_EQ(response.headers[0].second, "application/json; charset=utf-8");
}

}  // namespace
}  // namespace planscore::http
