// Logins, cookies, CSRF, throttling, logout and password changes, against the real server.
#include <gtest/gtest.h>

#include <algorithm>

#include "api_fixture.h"

namespace planscore::test {
namespace {

TEST(Sessions, LoginSetsAHardenedCookieAndTheSessionNamesTheUser) {
  ApiWorld world;
  auto session = world.login("editor");
  const std::string cookie = session->login_result.header("set-cookie");
  EXPECT_NE(cookie.find("planscore_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "no TLS, so no Secure flag";
  EXPECT_EQ(session->csrf_token.size(), 64u);

  auto me = session->get_json("/api/session");
  EXPECT_EQ(me["user"]["username"], "t_editor");
  EXPECT_EQ(me["user"]["section_id"], "documents");
  EXPECT_EQ(me["user"].count("password_hash"), 0u);
  // Every register of the editor's own section, and none of another's.
  const auto& writable = me["permissions"]["write_registers"];
  EXPECT_NE(std::find(writable.begin(), writable.end(), "records_trainings"), writable.end());
  EXPECT_NE(std::find(writable.begin(), writable.end(), "documents_received"), writable.end());
  EXPECT_EQ(std::find(writable.begin(), writable.end(), "guided_tours"), writable.end());
  EXPECT_FALSE(me["permissions"]["edit_plan"]);
  // The evidence rules the server applies, for the web app to check a file before sending.
  EXPECT_EQ(me["evidence"]["max_bytes"], 10 * 1024 * 1024);
  const auto& extensions = me["evidence"]["extensions"];
  EXPECT_NE(std::find(extensions.begin(), extensions.end(), ".pdf"), extensions.end());
  EXPECT_EQ(std::find(extensions.begin(), extensions.end(), ".exe"), extensions.end());
}

TEST(Sessions, WrongPasswordAndUnknownUserAreTheSame401) {
  ApiWorld world;
  HttpClient client(world.base_url());
  auto wrong =
      client.post_json("/api/session", R"({"username":"t_viewer","password":"not the password"})");
  auto unknown =
      client.post_json("/api/session", R"({"username":"nobody","password":"not the password"})");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(wrong.header("content-type"), "application/problem+json");
  EXPECT_EQ(wrong.header("set-cookie"), "");
}

TEST(Sessions, EveryRouteNeedsASessionButHealthAndLogin) {
  ApiWorld world;
  HttpClient client(world.base_url());
  EXPECT_EQ(client.get("/api/health").status, 200);
  const auto live = client.get("/api/health/live");
  EXPECT_EQ(live.status, 200);
  EXPECT_EQ(parse_json(live)["status"], "ok");
  for (const char* path : {"/api/plan", "/api/evaluation/105", "/api/registers", "/api/audit"}) {
    auto result = client.get(path);
    EXPECT_EQ(result.status, 401) << path;
    EXPECT_EQ(parse_json(result)["status"], 401);
  }
  auto forged =
      client.request("GET", "/api/plan", "", {"Cookie: planscore_session=" + std::string(64, 'a')});
  EXPECT_EQ(forged.status, 401);
}

TEST(Sessions, LogoutEndsTheSessionOnTheServer) {
  ApiWorld world;
  auto session = world.login("viewer");
  const std::string token = session->client.cookie("planscore_session");
  EXPECT_EQ(session->send("DELETE", "/api/session").status, 204);
  HttpClient replay(world.base_url());
  EXPECT_EQ(
      replay.request("GET", "/api/session", "", {"Cookie: planscore_session=" + token}).status,
      401);
}

TEST(Sessions, ChangingThePasswordEndsTheOtherSessions) {
  ApiWorld world;
  auto here = world.login("reviewer");
  auto elsewhere = world.login("reviewer");
  const std::string fresh = "a new long passphrase 2026";
  auto weak =
      here->send("POST", "/api/session/password",
                 {{"current_password", world.password("reviewer")}, {"new_password", "short"}});
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(parse_json(weak)["errors"][0]["path"], "new_password");
  auto changed =
      here->send("POST", "/api/session/password",
                 {{"current_password", world.password("reviewer")}, {"new_password", fresh}});
  ASSERT_EQ(changed.status, 204) << changed.body;
  EXPECT_EQ(here->get("/api/session").status, 200);
  EXPECT_EQ(elsewhere->get("/api/session").status, 401);
  EXPECT_EQ(
      ApiSession(world.base_url(), "t_reviewer", world.password("reviewer")).login_result.status,
      401);
  EXPECT_EQ(ApiSession(world.base_url(), "t_reviewer", fresh).login_result.status, 201);
}

// A password someone else chose (a new account, a reset) opens only the way to replace it.
TEST(Sessions, APasswordSetByAnAdministratorMustBeReplacedBeforeAnythingElse) {
  ApiWorld world;
  auto admin = world.login("admin");
  const std::string given = "chosen by the administrator 2026";
  const auto created = admin->send(
      "POST", "/api/users", {{"username", "t_newcomer"}, {"password", given}, {"role", "viewer"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(parse_json(created)["must_change_password"], true);

  ApiSession newcomer(world.base_url(), "t_newcomer", given);
  ASSERT_EQ(newcomer.login_result.status, 201);
  EXPECT_EQ(parse_json(newcomer.login_result)["user"]["must_change_password"], true);
  for (const char* path : {"/api/plan", "/api/evaluation/105", "/api/registers"}) {
    const auto refused = newcomer.get(path);
    EXPECT_EQ(refused.status, 403) << path;
    EXPECT_EQ(parse_json(refused)["errors"][0]["code"], "password_change_required") << path;
  }
  EXPECT_EQ(newcomer.send("POST", "/api/reviews/105/b1-1/comments", {{"body", "x"}}).status, 403);
  EXPECT_EQ(newcomer.get("/api/session").status, 200);

  const std::string own = "the newcomer's own passphrase";
  ASSERT_EQ(newcomer
                .send("POST", "/api/session/password",
                      {{"current_password", given}, {"new_password", own}})
                .status,
            204);
  EXPECT_EQ(newcomer.get_json("/api/session")["user"]["must_change_password"], false);
  EXPECT_EQ(newcomer.get("/api/plan").status, 200);

  // A reset hands the account a password someone else knows again.
  const auto id = std::to_string(parse_json(created)["id"].get<int>());
  ASSERT_EQ(admin
                ->send("POST", "/api/users/" + id + "/password",
                       {{"new_password", "reset by the administrator 2026"}})
                .status,
            204);
  ApiSession after_reset(world.base_url(), "t_newcomer", "reset by the administrator 2026");
  ASSERT_EQ(after_reset.login_result.status, 201);
  EXPECT_EQ(after_reset.get("/api/plan").status, 403);
  EXPECT_EQ(after_reset.send("DELETE", "/api/session").status, 204);
}

TEST(Sessions, ChangesNeedTheCsrfToken) {
  ApiWorld world;
  auto session = world.login("planner");
  const nlohmann::json comment{{"body", "請補充說明"}};
  EXPECT_EQ(session->send("POST", "/api/reviews/105/b1-1/comments", comment, false).status, 403);
  auto wrong = session->client.request(
      "POST", "/api/reviews/105/b1-1/comments", comment.dump(),
      {"Content-Type: application/json", "X-CSRF-Token: " + std::string(64, '0')});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(session->send("POST", "/api/reviews/105/b1-1/comments", comment).status, 201);
}

TEST(Sessions, BadBodiesGetProblemDocumentsThatSayWhere) {
  ApiWorld world;
  auto session = world.login("admin");
  auto broken = session->send_raw("POST", "/api/users", "{\"username\": ", "application/json");
  EXPECT_EQ(broken.status, 400);
  EXPECT_EQ(broken.header("content-type"), "application/problem+json");
  EXPECT_NE(parse_json(broken)["detail"].get<std::string>().find("not valid JSON"),
            std::string::npos);

  auto unknown = session->send("POST", "/api/users",
                               {{"username", "x1"},
                                {"password", "long enough password"},
                                {"role", "viewer"},
                                {"rol", "admin"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(parse_json(unknown)["errors"][0]["path"], "rol");

  auto wrong_type =
      session->send("POST", "/api/users", {{"username", 7}, {"password", "x"}, {"role", "viewer"}});
  EXPECT_EQ(wrong_type.status, 400);
  EXPECT_EQ(parse_json(wrong_type)["errors"][0]["path"], "username");

  auto deep =
      session->send_raw("POST", "/api/users", std::string(100000, '[') + std::string(100000, ']'),
                        "application/json");
  EXPECT_EQ(deep.status, 400);
}

TEST(Sessions, OversizedBodiesAreRefusedWith413) {
  ApiWorld world;
  auto session = world.login("admin");
  const std::string huge(16 * 1024 * 1024 + 1000, 'x');
  auto result = session->send_raw("POST", "/api/plan/validate", huge, "application/yaml");
  EXPECT_EQ(result.status, 413) << result.error;
  EXPECT_EQ(session->get("/api/health").status, 200) << "the server keeps serving";
}

}  // namespace
}  // namespace planscore::test
