// RFC 9457 problem documents: the shape every error response has.
#include "http/problem.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/problem_catalog.h"

namespace planscore::http {
namespace {

std::string header(const Response& response, const std::string& name) {
  for (const auto& [key, value] : response.headers)
    if (key == name) return value;
  return "";
}

TEST(Problem, DocumentHasTypeTitleStatusDetail) {
  const auto response = not_found("No register named volunteers.");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(header(response, "Content-Type"), "application/problem+json");
  EXPECT_EQ(response.body, R"({"type":"about:blank","title":"Not Found","status":404,)"
                           R"("detail":"No register named volunteers."})");
}

TEST(Problem, InputProblemsBecomeErrors) {
  const auto response =
      unprocessable("The record has 2 problems.",
                    {{"date", "not a date"}, {"participants", "must be a whole number"}});
  EXPECT_EQ(response.status, 422);
  const auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["type"], invalid_input_type);
  EXPECT_EQ(body["title"], "Invalid input");
  EXPECT_EQ(body["detail"], "The record has 2 problems.");
  const auto item = [](const char* path, const char* message) {
    return nlohmann::json{{"path", path},
                          {"message", message},
                          {"code", "invalid"},
                          {"params", nlohmann::json::object()}};
  };
  EXPECT_EQ(body["errors"],
            (nlohmann::json::array(
                {item("date", "not a date"), item("participants", "must be a whole number")})));
  // A coded problem carries its code and what its wording quotes.
  const auto coded = nlohmann::json::parse(
      unprocessable("", {core::coded_problem("held_on", "not_a_date", {{"text", "104/02/30"}})})
          .body);
  EXPECT_EQ(coded["errors"][0]["code"], "not_a_date");
  EXPECT_EQ(coded["errors"][0]["params"], (nlohmann::json{{"text", "104/02/30"}}));

  const auto plain = nlohmann::json::parse(bad_request("Malformed JSON.").body);
  EXPECT_EQ(plain["type"], "about:blank");
  EXPECT_EQ(plain["title"], "Bad Request");
  EXPECT_FALSE(plain.contains("errors"));
  EXPECT_EQ(nlohmann::json::parse(bad_request("x", {{"", "y"}}).body)["errors"][0]["path"], "");
}

TEST(Problem, HelpersUseTheirStatus) {
  EXPECT_EQ(unauthorized().status, 401);
  EXPECT_EQ(forbidden().status, 403);
  EXPECT_EQ(conflict("The plan changed.").status, 409);
  EXPECT_EQ(internal_error().status, 500);
  EXPECT_EQ(nlohmann::json::parse(forbidden().body)["title"], "Forbidden");
}

TEST(Problem, TooManyRequestsSaysWhenToRetry) {
  const auto response = too_many_requests(std::chrono::seconds(30));
  EXPECT_EQ(response.status, 429);
  EXPECT_EQ(header(response, "Retry-After"), "30");
  EXPECT_EQ(header(too_many_requests(std::chrono::seconds(0)), "Retry-After"), "1");
}

TEST(Problem, PayloadTooLargeClosesTheConnection) {
  const auto response = payload_too_large("Too big.");
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(header(response, "Connection"), "close");
}

TEST(Problem, MethodNotAllowedListsMethods) {
  const auto response = method_not_allowed({"GET", "PUT"});
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(header(response, "Allow"), "GET, PUT");
}

TEST(Problem, CustomTypeAndTitle) {
  ProblemDetails details;
  details.status = 409;
  details.type = "urn:planscore:problem:stale-version";
  details.title = "The plan has changed";
  const auto body = nlohmann::json::parse(problem_response(details).body);
  EXPECT_EQ(body["type"], "urn:planscore:problem:stale-version");
  EXPECT_EQ(body["title"], "The plan has changed");
  EXPECT_FALSE(body.contains("detail"));
}

TEST(Problem, InvalidUtf8InDetailDoesNotThrow) {
  std::string detail = "bad \xff byte";
  const auto response = bad_request(detail, {{"field \xfe", "oops"}});
  EXPECT_EQ(response.status, 400);
  EXPECT_NO_THROW(nlohmann::json::parse(response.body));
}

}  // namespace
}  // namespace planscore::http
