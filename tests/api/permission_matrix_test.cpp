// Every role against every state-changing route: the roles that may not get 403, the
// roles that may get anything else. The routes come from the server's own table, so a
// new route without an entry here fails the test until someone decides who may use it.
#include <gtest/gtest.h>

#include <set>

#include "api_fixture.h"
#include "http/api/api.h"

namespace planscore::test {
namespace {

struct Expectation {
  std::set<std::string> allowed;  // roles that must not get 403
  std::string path;               // the concrete path to call
  nlohmann::json body;            // a well-formed body, so only permission can refuse it
  std::string content_type = "application/json";
  std::string raw_body;  // for non-JSON bodies
};

Expectation with_json(std::set<std::string> allowed, std::string path, nlohmann::json body) {
  Expectation expectation;
  expectation.allowed = std::move(allowed);
  expectation.path = std::move(path);
  expectation.body = std::move(body);
  return expectation;
}

Expectation with_raw(std::set<std::string> allowed, std::string path, std::string content_type,
                     std::string body) {
  Expectation expectation = with_json(std::move(allowed), std::move(path), nullptr);
  expectation.content_type = std::move(content_type);
  expectation.raw_body = std::move(body);
  return expectation;
}

const std::set<std::string> kEveryone{"admin",    "planner", "editor",
                                      "reviewer", "viewer",  "other_editor"};
const std::set<std::string> kPlanners{"admin", "planner"};
const std::set<std::string> kDocumentsEditors{"admin", "editor"};

std::map<std::string, Expectation> expectations(std::int64_t record_id, std::int64_t evidence_id,
                                                std::int64_t viewer_id) {
  const nlohmann::json record_values{
      {"held_on", "2016-03-01"}, {"title", "研習"}, {"participants", 30}};
  const std::string record =
      "/api/registers/records_trainings/records/" + std::to_string(record_id);
  return {
      {"DELETE /api/session", with_json(kEveryone, "/api/session", nullptr)},
      {"POST /api/session/password",
       with_json(kEveryone, "/api/session/password",
                 {{"current_password", "wrong"}, {"new_password", "something long enough"}})},
      {"PUT /api/plan", with_json(kPlanners, "/api/plan", {{"version", 1}, {"yaml", "id: x"}})},
      {"POST /api/plan/import",
       with_raw(kPlanners, "/api/plan/import", "application/yaml", "id: x\n")},
      {"POST /api/plan/validate",
       with_raw(kEveryone, "/api/plan/validate", "application/yaml", "id: x\n")},
      {"POST /api/registers/{register}/records",
       with_json(kDocumentsEditors, "/api/registers/records_trainings/records",
                 {{"values", record_values}})},
      {"PUT /api/registers/{register}/records/{record}",
       with_json(kDocumentsEditors, record, {{"version", 1}, {"values", record_values}})},
      {"DELETE /api/registers/{register}/records/{record}",
       with_json(kDocumentsEditors, record + "?version=99", nullptr)},
      {"POST /api/registers/{register}/import",
       with_raw(kDocumentsEditors, "/api/registers/records_trainings/import", "text/csv",
                "held_on,title,participants\n2016-04-01,研習,12\n")},
      {"PUT /api/values/{indicator}/{year}",
       with_json(kDocumentsEditors, "/api/values/b1-1/106",
                 {{"value", 500}, {"note", "來源"}, {"version", 0}})},
      {"DELETE /api/values/{indicator}/{year}",
       with_json(kDocumentsEditors, "/api/values/b1-1/106?version=99", nullptr)},
      {"POST /api/reviews/{year}/{indicator}/actions",
       with_json(kDocumentsEditors, "/api/reviews/105/b1-1/actions",
                 {{"action", "submit"}, {"version", 99}})},
      {"PUT /api/reviews/{year}/{indicator}/explanation",
       with_json(kDocumentsEditors, "/api/reviews/105/b1-1/explanation",
                 {{"explanation", "說明"}, {"version", 99}})},
      {"POST /api/reviews/{year}/{indicator}/comments",
       with_json({"admin", "planner", "editor", "reviewer", "other_editor"},
                 "/api/reviews/105/b1-1/comments", {{"body", "意見"}})},
      {"POST /api/reviews/{year}/{indicator}/evidence",
       with_raw(kDocumentsEditors, "/api/reviews/104/b1-1/evidence?file_name=note.txt",
                "application/octet-stream", "佐證")},
      {"DELETE /api/evidence/{evidence}",
       with_json(kDocumentsEditors, "/api/evidence/" + std::to_string(evidence_id), nullptr)},
      {"POST /api/years/{year}/lock", with_json(kPlanners, "/api/years/107/lock", nullptr)},
      {"POST /api/years/{year}/unlock",
       with_json({"admin"}, "/api/years/107/unlock", {{"reason", "更正"}})},
      {"POST /api/users",
       with_json({"admin"}, "/api/users",
                 {{"username", "made_by_matrix"}, {"password", "x"}, {"role", "viewer"}})},
      {"PATCH /api/users/{user}",
       with_json({"admin"}, "/api/users/" + std::to_string(viewer_id), {{"version", 99}})},
      {"POST /api/users/{user}/password",
       with_json({"admin"}, "/api/users/" + std::to_string(viewer_id) + "/password",
                 {{"new_password", "x"}})},
  };
}

TEST(PermissionMatrix, EveryRoleOnEveryStateChangingRoute) {
  ApiWorld world;
  auto admin = world.login("admin");
  auto created = admin->send(
      "POST", "/api/registers/records_trainings/records",
      {{"values", {{"held_on", "2016-03-01"}, {"title", "研習"}, {"participants", 30}}}});
  ASSERT_EQ(created.status, 201) << created.body;
  auto evidence = admin->send_raw("POST", "/api/reviews/104/b1-1/evidence?file_name=a.txt", "佐證",
                                  "text/plain");
  ASSERT_EQ(evidence.status, 201) << evidence.body;
  std::int64_t viewer_id = 0;
  for (const auto& user : admin->get_json("/api/users"))
    if (user["username"] == "t_viewer") viewer_id = user["id"];
  const auto table = expectations(parse_json(created)["id"], parse_json(evidence)["id"], viewer_id);

  const auto router = http::make_api_router({});
  int checked = 0;
  for (const auto& route : router.routes()) {
    if (!route.changes_state || !route.needs_session) continue;
    const std::string key = route.method + " " + route.pattern;
    auto found = table.find(key);
    ASSERT_NE(found, table.end()) << "no permission expectation for " << key;
    const Expectation& expected = found->second;
    // Refused roles first: an allowed call may delete what the others would try.
    std::vector<std::string> roles;
    for (const char* role : kRoles)
      if (!expected.allowed.count(role)) roles.push_back(role);
    for (const char* role : kRoles)
      if (expected.allowed.count(role)) roles.push_back(role);
    for (const auto& role : roles) {
      // A fresh session per call: some routes (logout, password change) end sessions.
      auto session = world.login(role);
      auto result = expected.body.is_null() && !expected.raw_body.empty()
                        ? session->send_raw(route.method, expected.path, expected.raw_body,
                                            expected.content_type)
                        : session->send(route.method, expected.path, expected.body);
      const bool allowed = expected.allowed.count(role) > 0;
      if (allowed) {
        EXPECT_NE(result.status, 403) << role << " " << key << ": " << result.body;
        EXPECT_NE(result.status, 401) << role << " " << key << ": " << result.body;
      } else {
        EXPECT_EQ(result.status, 403) << role << " " << key << ": " << result.body;
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 21 * 6);
}

TEST(PermissionMatrix, EveryStateChangingRouteWithoutCsrfIs403AndWithoutSessionIs401) {
  ApiWorld world;
  auto admin = world.login("admin");
  HttpClient anonymous(world.base_url());
  const auto router = http::make_api_router({});
  for (const auto& route : router.routes()) {
    const std::string path = concrete_path(route.pattern);
    if (route.needs_session) {
      EXPECT_EQ(
          anonymous.request(route.method, path, "{}", {"Content-Type: application/json"}).status,
          401)
          << route.method << " " << path;
    }
    if (route.needs_session && route.changes_state) {
      EXPECT_EQ(admin->send(route.method, path, nlohmann::json::object(), false).status, 403)
          << route.method << " " << path;
    }
  }
}

}  // namespace
}  // namespace planscore::test
