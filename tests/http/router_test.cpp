// Route matching, parameters, 404/405 problem documents and exceptions turned into 500s.
#include "http/router.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "http/in_process_server.h"

namespace planscore::http {
namespace {

using test::route;

Response echo(Request& request) {
  nlohmann::json params = nlohmann::json::object();
  for (const auto& [name, value] : request.path_params) params[name] = value;
  return Response::json(200, params.dump());
}

Request request_for(std::string method, std::string path) {
  Request request;
  request.method = std::move(method);
  request.path = std::move(path);
  return request;
}

std::string header(const Response& response, const std::string& name) {
  for (const auto& [key, value] : response.headers)
    if (key == name) return value;
  return "";
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.add(route("GET", "/api/registers", echo));
    router.add(route("GET", "/api/registers/{register}", echo));
    router.add(route("DELETE", "/api/registers/{register}", echo));
    router.add(route("GET", "/api/registers/{register}/records/{record}", echo));
    router.add(route("GET", "/api/registers/new",
                     [](Request&) { return Response::json(200, R"({"literal":true})"); }));
  }
  Response dispatch(std::string method, std::string path) {
    auto request = request_for(std::move(method), std::move(path));
    return router.dispatch(request);
  }
  Router router;
};

TEST_F(RouterTest, MatchesSegmentsAndFillsParameters) {
  auto response = dispatch("GET", "/api/registers/volunteers/records/42");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(nlohmann::json::parse(response.body),
            (nlohmann::json{{"register", "volunteers"}, {"record", "42"}}));
  EXPECT_EQ(dispatch("GET", "/api/registers").status, 200);
}

TEST_F(RouterTest, LiteralSegmentBeatsParameterWhateverTheOrder) {
  EXPECT_EQ(dispatch("GET", "/api/registers/new").body, R"({"literal":true})");
  EXPECT_EQ(dispatch("GET", "/api/registers/old").body, R"({"register":"old"})");
}

TEST_F(RouterTest, ParametersNeverMatchEmptySegmentsOrExtraSlashes) {
  EXPECT_EQ(dispatch("GET", "/api/registers/").status, 404);
  EXPECT_EQ(dispatch("GET", "/api/registers//records/1").status, 404);
  EXPECT_EQ(dispatch("GET", "/api/registers/a/records/1/").status, 404);
  EXPECT_EQ(dispatch("GET", "api/registers").status, 404);
  EXPECT_EQ(dispatch("GET", "").status, 404);
}

TEST_F(RouterTest, UnknownPathIsA404ProblemDocument) {
  const auto response = dispatch("GET", "/api/nothing");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(header(response, "Content-Type"), "application/problem+json");
  const auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["status"], 404);
  EXPECT_EQ(body["title"], "Not Found");
  EXPECT_EQ(body["type"], "about:blank");
}

TEST_F(RouterTest, OtherMethodIsA405WithAllow) {
  const auto response = dispatch("POST", "/api/registers/volunteers");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(header(response, "Allow"), "DELETE, GET");
  EXPECT_EQ(header(response, "Content-Type"), "application/problem+json");
  EXPECT_EQ(nlohmann::json::parse(response.body)["status"], 405);
}

TEST(Router, HandlerExceptionBecomesAGeneric500AndIsLogged) {
  test::CapturedLog log;
  Router router;
  router.add(route("GET", "/api/fail", [](Request&) -> Response {
    throw std::runtime_error("SQLITE_CORRUPT at /var/lib/planscore/secret.db");
  }));
  router.add(route("GET", "/api/fail-oddly", [](Request&) -> Response { throw 42; }));
  auto request = request_for("GET", "/api/fail");
  const auto response = router.dispatch(request);
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(header(response, "Content-Type"), "application/problem+json");
  EXPECT_EQ(response.body.find("secret"), std::string::npos);
  EXPECT_EQ(response.body.find("SQLITE"), std::string::npos);
  EXPECT_NE(log.text().find("SQLITE_CORRUPT at /var/lib/planscore/secret.db"), std::string::npos);
  EXPECT_NE(log.text().find("route=\"/api/fail\""), std::string::npos);

  auto odd = request_for("GET", "/api/fail-oddly");
  EXPECT_EQ(router.dispatch(odd).status, 500);
}

TEST(Router, RejectsPatternsWithoutLeadingSlashOrHandler) {
  Router router;
  EXPECT_THROW(router.add(route("GET", "api/x", echo)), std::invalid_argument);
  EXPECT_THROW(router.add(route("GET", "/api/x", nullptr)), std::invalid_argument);
  EXPECT_TRUE(router.routes().empty());
}

}  // namespace
}  // namespace planscore::http
