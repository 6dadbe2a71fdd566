// Every role against every state-changing route: the roles that may not get 403, and the
// roles that may get a 2xx. Each call is prepared afresh (its own record, evidence, user,
// the version just read), so an allowed call meets a state in which it can succeed and a
// 500, 409 or 400 is a failure as much as a 403 is. The routes come from the server's own
// table, so a new route without an entry here fails the test until someone decides who
// may use it.
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "api_fixture.h"
#include "http/api/api.h"

namespace planscore::test {
namespace {

constexpr const char* kLongPassword = "a long enough password for the matrix";

// One request, made for one call.
struct Call {
  std::string path;
  nlohmann::json body;  // sent as JSON unless raw_body is set
  std::string content_type = "application/json";
  std::string raw_body;
  // Signs in as this account instead of the role's own (for calls that change the
  // caller's own account).
  std::string username, password;
};

struct Expectation {
  std::set<std::string> allowed;                         // roles that must get a 2xx
  std::function<Call(const std::string& role)> prepare;  // run before each role's call
};

const std::set<std::string> kEveryone{"admin",    "planner", "editor",
                                      "reviewer", "viewer",  "other_editor"};
const std::set<std::string> kPlanners{"admin", "planner"};
const std::set<std::string> kDocumentsEditors{"admin", "editor"};

// The role and section `planscore user add` gave each test account (api_fixture.cpp).
nlohmann::json account_of(const std::string& role) {
  static const std::map<std::string, std::pair<std::string, std::string>> accounts{
      {"admin", {"admin", ""}},
      {"planner", {"planner", ""}},
      {"editor", {"section_editor", "documents"}},
      {"reviewer", {"section_reviewer", "documents"}},
      {"viewer", {"viewer", ""}},
      {"other_editor", {"section_editor", "general_affairs"}}};
  const auto& [name, section] = accounts.at(role);
  nlohmann::json account{{"role", name}};
  if (!section.empty()) account["section_id"] = section;
  return account;
}

// The administrator's side of the test: makes what each call needs, and reads versions.
class Preparer {
 public:
  explicit Preparer(ApiWorld& world) : world_(world), admin_(world.login("admin")) {}

  nlohmann::json record_values() const {
    return {{"held_on", "2016-03-01"}, {"title", "研習"}, {"participants", 30}};
  }
  std::string record_path(std::int64_t id) const {
    return "/api/registers/records_trainings/records/" + std::to_string(id);
  }
  // A new record: its id and version.
  std::pair<std::int64_t, std::int64_t> new_record() {
    const auto created = admin_->send("POST", "/api/registers/records_trainings/records",
                                      {{"values", record_values()}});
    EXPECT_EQ(created.status, 201) << created.body;
    const auto record = parse_json(created);
    return {record["id"], record["version"]};
  }
  // A CSV of one training nobody imported before: a row already in the register is
  // refused whoever sends it.
  std::string new_import_file() {
    return "held_on,title,participants\n2016-04-01,研習 " + std::to_string(++imports_) + ",12\n";
  }
  std::int64_t new_evidence() {
    const auto uploaded = admin_->send_raw("POST", "/api/reviews/104/b1-1/evidence?file_name=a.txt",
                                           "佐證", "text/plain");
    EXPECT_EQ(uploaded.status, 201) << uploaded.body;
    return parse_json(uploaded)["id"];
  }
  // A new account: its id and version.
  std::pair<std::int64_t, std::int64_t> new_user(const std::string& username,
                                                 nlohmann::json account) {
    account["username"] = username;
    account["password"] = kLongPassword;
    const auto created = admin_->send("POST", "/api/users", account);
    EXPECT_EQ(created.status, 201) << created.body;
    const auto user = parse_json(created);
    return {user["id"], user["version"]};
  }
  std::string unique(const std::string& stem) { return stem + std::to_string(++made_); }

  std::int64_t value_version(const std::string& indicator, int year) {
    for (const auto& value : admin_->get_json("/api/values?year=" + std::to_string(year)))
      if (value["indicator_id"] == indicator) return value["version"];
    return 0;
  }
  // Sets the value, so that there is one to delete: its new version.
  std::int64_t set_value(const std::string& indicator, int year) {
    const auto set = admin_->send(
        "PUT", "/api/values/" + indicator + "/" + std::to_string(year),
        {{"value", 400}, {"note", "來源"}, {"version", value_version(indicator, year)}});
    EXPECT_EQ(set.status, 200) << set.body;
    return parse_json(set)["version"];
  }
  std::int64_t review_version(int year, const std::string& indicator) {
    return admin_->get_json("/api/reviews/" + std::to_string(year) + "/" +
                            indicator)["review"]["version"];
  }
  // A result ready to submit: one below its target carries its explanation.
  std::int64_t explained_review_version(int year, const std::string& indicator) {
    const auto path = "/api/reviews/" + std::to_string(year) + "/" + indicator;
    const auto review = admin_->get_json(path)["review"];
    if (review["explanation"] != "" ||
        (review["state"] != "draft" && review["state"] != "returned"))
      return review["version"];
    const auto saved =
        admin_->send("PUT", path + "/explanation",
                     {{"explanation", "未達成原因"}, {"version", review["version"]}});
    EXPECT_EQ(saved.status, 200) << saved.body;
    return parse_json(saved)["version"];
  }
  nlohmann::json plan() { return admin_->get_json("/api/plan"); }
  std::string plan_file() {
    const auto exported = admin_->get("/api/plan/export");
    EXPECT_EQ(exported.status, 200) << exported.body;
    return exported.body;
  }
  std::int64_t user_version(std::int64_t id) {
    for (const auto& user : admin_->get_json("/api/users"))
      if (user["id"] == id) return user["version"];
    ADD_FAILURE() << "no user " << id;
    return 0;
  }
  // Locks or unlocks the year whatever its state: a 409 says it already was. The first
  // time, every indicator is taken to its second review, without which no year locks.
  void set_locked(int year, bool locked) {
    if (reviewed_years_.insert(year).second) review_the_whole_year(world_, *admin_, year);
    const auto path = "/api/years/" + std::to_string(year) + (locked ? "/lock" : "/unlock");
    const auto result =
        admin_->send("POST", path, locked ? nullptr : nlohmann::json{{"reason", "更正"}});
    EXPECT_TRUE(result.status == 200 || result.status == 409) << path << ": " << result.body;
  }

 private:
  ApiWorld& world_;
  std::unique_ptr<ApiSession> admin_;
  int imports_ = 0;
  int made_ = 0;
  std::set<int> reviewed_years_;
};

Call json_call(std::string path, nlohmann::json body = nullptr) {
  Call call;
  call.path = std::move(path);
  call.body = std::move(body);
  return call;
}

Call raw_call(std::string path, std::string content_type, std::string body) {
  Call call;
  call.path = std::move(path);
  call.content_type = std::move(content_type);
  call.raw_body = std::move(body);
  return call;
}

std::map<std::string, Expectation> expectations(Preparer& make, std::int64_t viewer_id) {
  const auto own_account = [&make](const std::string& role) {
    Call call = json_call("/api/session/password");
    call.username = make.unique("own_" + role + "_");
    call.password = kLongPassword;
    make.new_user(call.username, account_of(role));
    call.body = {{"current_password", kLongPassword}, {"new_password", "another long password"}};
    return call;
  };
  // Each allowed call submits a year of its own: the first goes to 105, the second to 106.
  auto next_review_year = std::make_shared<int>(105);
  return {
      {"DELETE /api/session",
       {kEveryone, [](const std::string&) { return json_call("/api/session"); }}},
      {"POST /api/session/password", {kEveryone, own_account}},
      {"PUT /api/plan",
       {kPlanners,
        [&make](const std::string&) {
          const auto current = make.plan();
          return json_call("/api/plan",
                           {{"version", current["version"]}, {"plan", current["plan"]}});
        }}},
      {"POST /api/plan/import",
       {kPlanners,
        [&make](const std::string&) {
          // The plan file as the server exports it, imported again.
          return raw_call("/api/plan/import", "application/yaml", make.plan_file());
        }}},
      {"POST /api/plan/validate",
       {kEveryone,
        [](const std::string&) {
          return raw_call("/api/plan/validate", "application/yaml", "id: x\n");
        }}},
      {"POST /api/registers/{register}/records",
       {kDocumentsEditors,
        [&make](const std::string&) {
          return json_call("/api/registers/records_trainings/records",
                           {{"values", make.record_values()}});
        }}},
      {"PUT /api/registers/{register}/records/{record}",
       {kDocumentsEditors,
        [&make](const std::string&) {
          const auto [id, version] = make.new_record();
          return json_call(make.record_path(id),
                           {{"version", version}, {"values", make.record_values()}});
        }}},
      {"DELETE /api/registers/{register}/records/{record}",
       {kDocumentsEditors,
        [&make](const std::string&) {
          const auto [id, version] = make.new_record();
          return json_call(make.record_path(id) + "?version=" + std::to_string(version));
        }}},
      {"POST /api/registers/{register}/import",
       {kDocumentsEditors,
        [&make](const std::string&) {
          return raw_call("/api/registers/records_trainings/import", "text/csv",
                          make.new_import_file());
        }}},
      {"PUT /api/values/{indicator}/{year}",
       {kDocumentsEditors,
        [&make](const std::string&) {
          return json_call(
              "/api/values/b1-1/106",
              {{"value", 500}, {"note", "來源"}, {"version", make.value_version("b1-1", 106)}});
        }}},
      {"DELETE /api/values/{indicator}/{year}",
       {kDocumentsEditors,
        [&make](const std::string&) {
          return json_call("/api/values/b1-1/106?version=" +
                           std::to_string(make.set_value("b1-1", 106)));
        }}},
      {"POST /api/reviews/{year}/{indicator}/actions",
       {kDocumentsEditors,
        [&make, next_review_year](const std::string& role) {
          const bool allowed = kDocumentsEditors.count(role) > 0;
          const int year = allowed ? (*next_review_year)++ : 105;
          const auto path = "/api/reviews/" + std::to_string(year) + "/b1-1";
          return json_call(
              path + "/actions",
              {{"action", "submit"}, {"version", make.explained_review_version(year, "b1-1")}});
        }}},
      {"POST /api/reviews/{year}/actions",
       {kPlanners,
        [](const std::string&) {
          // Whether the step may be taken on a result does not hang on its state: nothing
          // of 107 is ready for 複核, and planners are still answered 200.
          return json_call("/api/reviews/107/actions",
                           {{"action", "second_review"}, {"indicators", {"b1-1"}}});
        }}},
      {"PUT /api/reviews/{year}/{indicator}/explanation",
       {kDocumentsEditors,
        [&make](const std::string&) {
          return json_call(
              "/api/reviews/104/b1-1/explanation",
              {{"explanation", "說明"}, {"version", make.review_version(104, "b1-1")}});
        }}},
      {"POST /api/reviews/{year}/{indicator}/comments",
       {{"admin", "planner", "editor", "reviewer", "other_editor"},
        [](const std::string&) {
          return json_call("/api/reviews/105/b1-1/comments", {{"body", "意見"}});
        }}},
      {"POST /api/reviews/{year}/{indicator}/evidence",
       {kDocumentsEditors,
        [](const std::string&) {
          return raw_call("/api/reviews/104/b1-1/evidence?file_name=note.txt",
                          "application/octet-stream", "佐證");
        }}},
      {"DELETE /api/evidence/{evidence}",
       {kDocumentsEditors,
        [&make](const std::string&) {
          return json_call("/api/evidence/" + std::to_string(make.new_evidence()));
        }}},
      {"POST /api/years/{year}/lock",
       {kPlanners,
        [&make](const std::string&) {
          make.set_locked(107, false);
          return json_call("/api/years/107/lock");
        }}},
      {"POST /api/years/{year}/unlock",
       {{"admin"},
        [&make](const std::string&) {
          make.set_locked(107, true);
          return json_call("/api/years/107/unlock", {{"reason", "更正"}});
        }}},
      {"POST /api/users",
       {{"admin"},
        [&make](const std::string&) {
          return json_call("/api/users", {{"username", make.unique("made_by_matrix_")},
                                          {"password", kLongPassword},
                                          {"role", "viewer"}});
        }}},
      {"PATCH /api/users/{user}",
       {{"admin"},
        [&make, viewer_id](const std::string&) {
          return json_call("/api/users/" + std::to_string(viewer_id),
                           {{"version", make.user_version(viewer_id)}, {"display_name", "檢視者"}});
        }}},
      {"POST /api/users/{user}/password",
       {{"admin"},
        [&make](const std::string&) {
          const auto [id, version] = make.new_user(make.unique("reset_"), account_of("viewer"));
          return json_call("/api/users/" + std::to_string(id) + "/password",
                           {{"new_password", "another long password"}});
        }}},
  };
}

TEST(PermissionMatrix, EveryRoleOnEveryStateChangingRoute) {
  ApiWorld world;
  Preparer make(world);
  std::int64_t viewer_id = 0;
  for (const auto& user : world.login("admin")->get_json("/api/users"))
    if (user["username"] == "t_viewer") viewer_id = user["id"];
  const auto table = expectations(make, viewer_id);

  const auto router = http::make_api_router({});
  int checked = 0;
  for (const auto& route : router.routes()) {
    if (!route.changes_state || !route.needs_session) continue;
    const std::string key = route.method + " " + route.pattern;
    auto found = table.find(key);
    ASSERT_NE(found, table.end()) << "no permission expectation for " << key;
    const Expectation& expected = found->second;
    // Refused roles first: an allowed call may change what the others would try.
    std::vector<std::string> roles;
    for (const char* role : kRoles)
      if (!expected.allowed.count(role)) roles.push_back(role);
    for (const char* role : kRoles)
      if (expected.allowed.count(role)) roles.push_back(role);
    for (const auto& role : roles) {
      const Call call = expected.prepare(role);
      // A fresh session per call: some routes (logout, password change) end sessions.
      auto session = call.username.empty() ? world.login(role)
                                           : std::make_unique<ApiSession>(
                                                 world.base_url(), call.username, call.password);
      ASSERT_EQ(session->login_result.status, 201) << session->login_result.body;
      const auto result =
          call.raw_body.empty()
              ? session->send(route.method, call.path, call.body)
              : session->send_raw(route.method, call.path, call.raw_body, call.content_type);
      if (expected.allowed.count(role)) {
        EXPECT_TRUE(result.status >= 200 && result.status < 300)
            << role << " " << key << " " << call.path << ": " << result.status << " "
            << result.body;
      } else {
        EXPECT_EQ(result.status, 403)
            << role << " " << key << " " << call.path << ": " << result.body;
      }
      // Signed out again, so the sessions of one account stay below the per-user limit,
      // which would end the preparer's own (a route may have ended this one already).
      session->send("DELETE", "/api/session");
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
