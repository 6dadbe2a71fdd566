// The security headers on every response the server gives: every route in the server's
// own table (anonymous, signed in, refused for want of CSRF), static files and the client
// route fallback, and every kind of error (400, 401, 403, 404, 405, 413) and problem
// document.
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "attack_support.h"
#include "http/api/api.h"

namespace planscore::test {
namespace {

void expect_security_headers(const HttpResult& result, const std::string& what) {
  ASSERT_NE(result.status, 0) << what << ": " << result.error;
  const auto policy = result.header("content-security-policy");
  const bool no_framing = policy.find("frame-ancestors 'none'") != std::string::npos ||
                          policy.find("frame-ancestors 'self'") != std::string::npos;
  EXPECT_TRUE(no_framing) << what << " (" << result.status << "): CSP '" << policy << "'";
  EXPECT_NE(policy.find("default-src 'self'"), std::string::npos) << what;
  EXPECT_NE(policy.find("object-src 'none'"), std::string::npos) << what;
  EXPECT_EQ(result.header("x-content-type-options"), "nosniff") << what;
  EXPECT_FALSE(result.header("referrer-policy").empty()) << what;
  const auto frame_options = result.header("x-frame-options");
  EXPECT_TRUE(frame_options == "DENY" || frame_options == "SAMEORIGIN")
      << what << ": X-Frame-Options '" << frame_options << "'";
  EXPECT_EQ(result.headers.count("content-security-policy"), 1u) << what;
}

class AttackSecurityHeaders : public ::testing::Test {
 protected:
  AttackSecurityHeaders() {
    web.write("index.html", "<!doctype html><title>planscore</title>");
    web.write("assets/app.js", "console.log('planscore')");
    world = std::make_unique<ApiWorld>(
        false,
        std::vector<std::string>{"--web-root", web.path().string(), "--max-body-bytes", "64KiB"});
  }
  TestDirectory web;
  std::unique_ptr<ApiWorld> world;
};

TEST_F(AttackSecurityHeaders, EveryRouteAnonymousSignedInAndWithoutCsrf) {
  auto admin = world->login("admin");
  ASSERT_EQ(
      admin
          ->send("POST", "/api/registers/records_trainings/records",
                 {{"values", {{"held_on", "2016-03-01"}, {"title", "研習"}, {"participants", 3}}}})
          .status,
      201);
  ASSERT_EQ(
      admin
          ->send_raw("POST", "/api/reviews/105/b1-1/evidence?file_name=a.txt", "佐證", "text/plain")
          .status,
      201);
  HttpClient anonymous(world->base_url());
  const auto router = http::make_api_router({});
  int checked = 0;
  for (const auto& route : router.routes()) {
    const auto path = concrete_path(route.pattern);
    const std::string what = route.method + " " + path;
    expect_security_headers(
        anonymous.request(route.method, path, "{}", {"Content-Type: application/json"}),
        "anonymous " + what);
    if (route.method == "GET") {
      const auto result = admin->get(path);
      EXPECT_LT(result.status, 400) << what << ": " << result.body.substr(0, 200);
      expect_security_headers(result, "signed-in " + what);
      EXPECT_EQ(result.header("cache-control").empty(), false) << what;
      expect_security_headers(admin->client.request("HEAD", path), "HEAD " + what);
    } else if (route.needs_session) {
      const auto refused = admin->send(route.method, path, nlohmann::json::object(), false);
      EXPECT_EQ(refused.status, 403) << what;
      expect_security_headers(refused, "no CSRF " + what);
    }
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(router.routes().size()));
}

TEST_F(AttackSecurityHeaders, StaticFilesErrorsAndProblemDocuments) {
  HttpClient client(world->base_url());
  auto admin = world->login("admin");
  const std::vector<std::pair<std::string, HttpResult>> results = {
      {"index", client.get("/")},
      {"asset", client.get("/assets/app.js")},
      {"client route", client.get("/plan/indicators")},
      {"missing asset 404", client.get("/assets/missing.js")},
      {"traversal 404", client.get("/../../etc/passwd")},
      {"bad encoding 400", client.get("/%zz")},
      {"bad UTF-8 400", client.get("/api/%c0%af")},
      {"bad query 400", client.get("/api/health?%zz=1")},
      {"unknown API 404", client.get("/api/nope")},
      {"method 405", client.request("PUT", "/api/health", "{}")},
      {"static POST 404 or 405", client.request("POST", "/index.html", "x")},
      {"413", admin->send_raw("POST", "/api/plan/validate", std::string(70 * 1024, 'x'),
                              "application/yaml")},
      {"401", client.get("/api/plan")},
      {"400 bad JSON", admin->send_raw("POST", "/api/users", "{", "application/json")},
      {"422", admin->send("POST", "/api/users",
                          {{"username", "x"}, {"password", "short"}, {"role", "nobody"}})},
      {"404 record", admin->get("/api/registers/records_trainings/records/999")},
      {"login 401", client.post_json("/api/session", R"({"username":"x","password":"y"})")},
  };
  for (const auto& [what, result] : results) expect_security_headers(result, what);
  EXPECT_EQ(results[9].second.status, 405);
  EXPECT_EQ(results[11].second.status, 413);
  EXPECT_EQ(results[11].second.header("content-type"), "application/problem+json");
}

}  // namespace
}  // namespace planscore::test
