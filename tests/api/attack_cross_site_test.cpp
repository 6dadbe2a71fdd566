// Attacks from other sites: a page elsewhere can make a browser send a form or a "simple"
// fetch (text/plain, form-encoded) to the server, with the user's cookie when the browser
// allows it. Bodies read as JSON must say they are JSON (415 otherwise), and a change that
// a browser says comes from another site (Sec-Fetch-Site, Origin) is refused with 403,
// signed in or not. Clients that are not browsers send neither header and pass.
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace planscore::test {
namespace {

constexpr const char* kComments = "/api/reviews/105/b1-1/comments";

std::string login_body(ApiWorld& world, const std::string& role) {
  return nlohmann::json{{"username", world.username(role)}, {"password", world.password(role)}}
      .dump();
}

void expect_problem(const HttpResult& result, int status, const std::string& detail_part) {
  EXPECT_EQ(result.status, status) << result.body;
  EXPECT_EQ(result.header("content-type"), "application/problem+json");
  const auto problem = parse_json(result);
  EXPECT_NE(problem.value("detail", "").find(detail_part), std::string::npos) << result.body;
}

// Nobody is signed in on `client`: no cookie was set, and the server knows no session.
void expect_signed_out(HttpClient& client, const HttpResult& refused) {
  EXPECT_EQ(refused.header("set-cookie"), "");
  EXPECT_EQ(client.get("/api/session").status, 401);
}

TEST(AttackCrossSite, SignInBodiesThatAreNotJsonAre415AndSignNobodyIn) {
  ApiWorld world;
  const std::string json = login_body(world, "admin");
  const std::string form = "username=t_admin&password=" + world.password("admin");
  for (const auto& [body, content_type] :
       {std::pair{json, "Content-Type: text/plain"},
        {json, "Content-Type: text/plain; charset=utf-8"},
        {form, "Content-Type: application/x-www-form-urlencoded"},
        {json, "Content-Type: multipart/form-data; boundary=x"},
        {json, "Content-Type: application/jsonp"},
        {json, "Content-Type:"}}) {  // curl sends no Content-Type at all
    HttpClient client(world.base_url());
    const auto refused = client.request("POST", "/api/session", body, {content_type});
    SCOPED_TRACE(content_type);
    expect_problem(refused, 415, "application/json");
    expect_signed_out(client, refused);
  }
  HttpClient client(world.base_url());
  const auto with_charset = client.request("POST", "/api/session", json,
                                           {"Content-Type: Application/JSON; charset=utf-8"});
  EXPECT_EQ(with_charset.status, 201) << with_charset.body;
}

TEST(AttackCrossSite, ASignedInChangeWhoseBodyIsNotJsonIs415AndChangesNothing) {
  ApiWorld world;
  auto editor = world.login("editor");
  const auto refused = editor->send_raw("POST", kComments, R"({"body":"跨站"})", "text/plain");
  expect_problem(refused, 415, "application/json");
  EXPECT_TRUE(editor->get_json("/api/reviews/105/b1-1")["comments"].empty());
}

TEST(AttackCrossSite, SignInFromAnotherSiteIs403) {
  ApiWorld world;
  for (const std::string header :
       {"Origin: http://attacker.example", "Origin: null", "Origin: http://127.0.0.1:1",
        "Sec-Fetch-Site: cross-site", "Sec-Fetch-Site: same-site"}) {
    HttpClient client(world.base_url());
    const auto refused = client.request("POST", "/api/session", login_body(world, "admin"),
                                        {"Content-Type: application/json", header});
    SCOPED_TRACE(header);
    expect_problem(refused, 403, "another site");
    expect_signed_out(client, refused);
  }
}

TEST(AttackCrossSite, ASignedInChangeFromAnotherSiteIs403EvenWithTheCsrfToken) {
  ApiWorld world;
  auto editor = world.login("editor");
  for (const std::string header :
       {"Origin: http://attacker.example", "Sec-Fetch-Site: cross-site"}) {
    SCOPED_TRACE(header);
    expect_problem(editor->client.request("POST", kComments, R"({"body":"跨站"})",
                                          {"Content-Type: application/json",
                                           "X-CSRF-Token: " + editor->csrf_token, header}),
                   403, "another site");
    expect_problem(editor->client.request("DELETE", "/api/session", "",
                                          {"X-CSRF-Token: " + editor->csrf_token, header}),
                   403, "another site");
  }
  EXPECT_TRUE(editor->get_json("/api/reviews/105/b1-1")["comments"].empty());
  EXPECT_EQ(editor->get("/api/session").status, 200) << "still signed in";
  // Reading is not a change: another site's page may still cause a GET (it cannot read
  // the answer), as any link does.
  EXPECT_EQ(
      editor->client.request("GET", "/api/session", "", {"Sec-Fetch-Site: cross-site"}).status,
      200);
}

TEST(AttackCrossSite, TheServersOwnPagesPass) {
  ApiWorld world;
  const std::string origin = "Origin: " + world.base_url();
  HttpClient browser(world.base_url());
  const auto signed_in =
      browser.request("POST", "/api/session", login_body(world, "editor"),
                      {"Content-Type: application/json", origin, "Sec-Fetch-Site: same-origin"});
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  const std::string csrf = parse_json(signed_in)["csrf_token"];
  const auto comment = browser.request("POST", kComments, R"({"body":"同站"})",
                                       {"Content-Type: application/json", "X-CSRF-Token: " + csrf,
                                        origin, "Sec-Fetch-Site: same-origin"});
  EXPECT_EQ(comment.status, 201) << comment.body;
  // "none": the user's own action (a bookmark, the address bar), not another site's.
  HttpClient typed(world.base_url());
  EXPECT_EQ(typed
                .request("POST", "/api/session", login_body(world, "viewer"),
                         {"Content-Type: application/json", "Sec-Fetch-Site: none"})
                .status,
            201);
}

TEST(AttackCrossSite, ATrustedOriginPassesAndNoOtherDoes) {
  // A reverse proxy that serves https://planscore.example.gov.tw and passes on its own
  // Host: the browser's Origin never matches the Host the server sees.
  ApiWorld world(false, {},
                 {"PLANSCORE_TRUSTED_ORIGINS=https://planscore.example.gov.tw, "
                  "https://backup.example.gov.tw:8443"});
  for (const std::string trusted :
       {"https://planscore.example.gov.tw", "https://PLANSCORE.example.gov.tw:443",
        "https://backup.example.gov.tw:8443"}) {
    HttpClient proxied(world.base_url());
    EXPECT_EQ(proxied
                  .request("POST", "/api/session", login_body(world, "viewer"),
                           {"Content-Type: application/json", "Origin: " + trusted})
                  .status,
              201)
        << trusted;
  }
  for (const std::string other :
       {"http://planscore.example.gov.tw", "https://backup.example.gov.tw",
        "https://planscore.example.gov.tw.attacker.example"}) {
    HttpClient client(world.base_url());
    expect_problem(client.request("POST", "/api/session", login_body(world, "viewer"),
                                  {"Content-Type: application/json", "Origin: " + other}),
                   403, "another site");
  }
}

}  // namespace
}  // namespace planscore::test
