// Attacks on sessions: fixation (a token planted before login never becomes the
// victim's session), cookie flags with and without secure_cookies, logout, password
// resets and deactivation ending sessions, and throttling by address across usernames.
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace planscore::test {
namespace {

// The value of the session cookie in a Set-Cookie header ("" when it sets another).
std::string session_token(const HttpResult& result) {
  const std::string cookie = result.header("set-cookie");
  const std::string name = "planscore_session=";
  if (cookie.rfind(name, 0) != 0) return "";
  return cookie.substr(name.size(), cookie.find(';') - name.size());
}

HttpResult login_with_cookie(ApiWorld& world, const std::string& role, const std::string& cookie) {
  HttpClient client(world.base_url());
  return client.request(
      "POST", "/api/session",
      nlohmann::json{{"username", world.username(role)}, {"password", world.password(role)}}.dump(),
      {"Content-Type: application/json", "Cookie: planscore_session=" + cookie});
}

HttpResult session_of(ApiWorld& world, const std::string& token) {
  HttpClient client(world.base_url());
  return client.request("GET", "/api/session", "", {"Cookie: planscore_session=" + token});
}

TEST(AttackSession, APlantedTokenIsNeverTheSessionAfterLogin) {
  ApiWorld world;
  const std::string planted(64, 'f');
  auto login = login_with_cookie(world, "admin", planted);
  ASSERT_EQ(login.status, 201) << login.body;
  const auto issued = session_token(login);
  EXPECT_EQ(issued.size(), 64u);
  EXPECT_NE(issued, planted);
  EXPECT_EQ(session_of(world, planted).status, 401);
  EXPECT_EQ(parse_json(session_of(world, issued))["user"]["username"], "t_admin");
}

TEST(AttackSession, TheAttackersOwnValidTokenIsNotUpgradedByTheVictimsLogin) {
  ApiWorld world;
  auto attacker = world.login("viewer");
  const std::string attacker_token = attacker->client.cookie("planscore_session");
  ASSERT_EQ(attacker_token.size(), 64u);
  // The victim's browser carries the attacker's cookie when the victim signs in.
  auto login = login_with_cookie(world, "admin", attacker_token);
  ASSERT_EQ(login.status, 201);
  EXPECT_NE(session_token(login), attacker_token);
  auto attackers_view = session_of(world, attacker_token);
  ASSERT_EQ(attackers_view.status, 200);
  EXPECT_EQ(parse_json(attackers_view)["user"]["username"], "t_viewer");
  EXPECT_EQ(attacker->get("/api/users").status, 403);
}

TEST(AttackSession, CookieFlagsWithoutAndWithSecureCookies) {
  for (const bool secure : {false, true}) {
    ApiWorld world(
        false, secure ? std::vector<std::string>{"--secure-cookies"} : std::vector<std::string>{});
    auto session = world.login("planner");
    for (const auto& cookie : {session->login_result.header("set-cookie"),
                               session->send("DELETE", "/api/session").header("set-cookie")}) {
      EXPECT_EQ(cookie.rfind("planscore_session=", 0), 0u) << cookie;
      EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos) << cookie;
      EXPECT_NE(cookie.find("; SameSite=Strict"), std::string::npos) << cookie;
      EXPECT_NE(cookie.find("; Path=/"), std::string::npos) << cookie;
      EXPECT_EQ(cookie.find("; Secure") != std::string::npos, secure) << cookie;
      EXPECT_EQ(cookie.find("Domain="), std::string::npos) << "host-only: " << cookie;
    }
    auto health = HttpClient(world.base_url()).get("/api/health");
    EXPECT_EQ(health.header("strict-transport-security").empty(), !secure);
  }
}

TEST(AttackSession, LogoutEndsTheTokenAndItsCsrfToken) {
  ApiWorld world;
  auto session = world.login("planner");
  const std::string token = session->client.cookie("planscore_session");
  const std::string csrf = session->csrf_token;
  auto logout = session->send("DELETE", "/api/session");
  ASSERT_EQ(logout.status, 204);
  EXPECT_NE(logout.header("set-cookie").find("Max-Age=0"), std::string::npos);
  HttpClient replay(world.base_url());
  auto comment = replay.request("POST", "/api/reviews/105/b1-1/comments", R"({"body":"replayed"})",
                                {"Content-Type: application/json",
                                 "Cookie: planscore_session=" + token, "X-CSRF-Token: " + csrf});
  EXPECT_EQ(comment.status, 401);
  EXPECT_EQ(session_of(world, token).status, 401);
  // Logging out twice, or with a dead session, changes nothing and reveals nothing.
  EXPECT_EQ(replay
                .request("DELETE", "/api/session", "",
                         {"Cookie: planscore_session=" + token, "X-CSRF-Token: " + csrf})
                .status,
            401);
}

TEST(AttackSession, APasswordResetOrDeactivationEndsTheUsersSessions) {
  ApiWorld world;
  auto admin = world.login("admin");
  auto viewer = world.login("viewer");
  auto editor = world.login("editor");
  std::int64_t viewer_id = 0, editor_id = 0, editor_version = 0;
  for (const auto& user : admin->get_json("/api/users")) {
    if (user["username"] == "t_viewer") viewer_id = user["id"];
    if (user["username"] == "t_editor") {
      editor_id = user["id"];
      editor_version = user["version"];
    }
  }
  ASSERT_EQ(viewer->get("/api/session").status, 200);
  auto reset = admin->send("POST", "/api/users/" + std::to_string(viewer_id) + "/password",
                           {{"new_password", "a brand new passphrase 2026"}});
  ASSERT_EQ(reset.status, 204) << reset.body;
  EXPECT_EQ(viewer->get("/api/session").status, 401);

  ASSERT_EQ(editor->get("/api/session").status, 200);
  auto deactivated = admin->send("PATCH", "/api/users/" + std::to_string(editor_id),
                                 {{"version", editor_version}, {"active", false}});
  ASSERT_EQ(deactivated.status, 200) << deactivated.body;
  EXPECT_EQ(editor->get("/api/session").status, 401);
  EXPECT_EQ(ApiSession(world.base_url(), "t_editor", world.password("editor")).login_result.status,
            401);
}

TEST(AttackSession, GuessingManyUsernamesFromOneAddressIsThrottled) {
  ApiWorld world;
  HttpClient client(world.base_url());
  int throttled = 0;
  for (int attempt = 0; attempt < 30; ++attempt) {
    auto result = client.post_json(
        "/api/session",
        nlohmann::json{{"username", "guess" + std::to_string(attempt)}, {"password", "password1"}}
            .dump());
    EXPECT_TRUE(result.status == 401 || result.status == 429) << result.status;
    if (result.status == 429) {
      ++throttled;
      EXPECT_GE(std::stoi(result.header("retry-after")), 1);
    }
  }
  EXPECT_GT(throttled, 0);
  // The right password from the same address waits too.
  auto right = client.post_json(
      "/api/session",
      nlohmann::json{{"username", "t_admin"}, {"password", world.password("admin")}}.dump());
  EXPECT_EQ(right.status, 429);
}

TEST(AttackSession, ForgedAndMalformedCookiesAre401) {
  ApiWorld world;
  world.login("admin");
  for (const std::string& token :
       {std::string(64, '0'), std::string(63, 'a'), std::string(65, 'a'), std::string(""),
        std::string("' OR '1'='1"), std::string(4000, 'a'), std::string("%00"),
        std::string(64, 'a') + "; planscore_session=" + std::string(64, 'b')}) {
    const auto result = session_of(world, token);
    EXPECT_EQ(result.status, 401) << token.substr(0, 80);
  }
}

}  // namespace
}  // namespace planscore::test
