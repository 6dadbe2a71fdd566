// SQL injection, end to end: every payload in every query parameter and path parameter of
// every GET route (the routes come from the server's own table, so a new route fails the
// test until its parameters are listed here), in the query parameters of changing routes,
// and in every free-text field a user can store. Each answer is a 2xx or a 4xx, never a
// 500; nothing changes but the intended write; the accounts stay intact and usable; and
// stored text comes back byte for byte.
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "attack_support.h"
#include "http/api/api.h"

namespace planscore::test {
namespace {

const std::string kRecords = "/api/registers/records_trainings/records";

// Each GET route: a concrete path (path parameters filled with values that exist) and
// the query parameters it reads.
struct GetRoute {
  std::string path;
  std::vector<std::string> parameters;
};

const std::map<std::string, GetRoute>& get_routes() {
  static const std::map<std::string, GetRoute> routes = {
      {"/api/health", {"/api/health", {}}},
      {"/api/health/live", {"/api/health/live", {}}},
      {"/api/session", {"/api/session", {}}},
      {"/api/plan", {"/api/plan", {}}},
      {"/api/plan/export", {"/api/plan/export", {"format"}}},
      {"/api/plan/goals", {"/api/plan/goals", {}}},
      {"/api/plan/indicators", {"/api/plan/indicators", {}}},
      {"/api/plan/indicators/{indicator}", {"/api/plan/indicators/b1-1", {}}},
      {"/api/plan/indicators/{indicator}/history", {"/api/plan/indicators/b1-1/history", {}}},
      {"/api/plan/budget", {"/api/plan/budget", {}}},
      {"/api/plan/chapters", {"/api/plan/chapters", {}}},
      {"/api/statistics", {"/api/statistics", {"from", "to"}}},
      {"/api/reports/statistics", {"/api/reports/statistics", {"from", "to", "format"}}},
      {"/api/sections", {"/api/sections", {}}},
      {"/api/registers", {"/api/registers", {}}},
      {"/api/registers/{register}", {"/api/registers/records_trainings", {}}},
      {"/api/registers/{register}/records",
       {kRecords, {"filter", "sort", "year", "offset", "limit"}}},
      {"/api/registers/{register}/records/{record}", {kRecords + "/1", {}}},
      {"/api/values", {"/api/values", {"year"}}},
      {"/api/evaluation", {"/api/evaluation", {}}},
      {"/api/evaluation/{year}", {"/api/evaluation/105", {}}},
      {"/api/reviews/pending", {"/api/reviews/pending", {}}},
      {"/api/reviews/{year}", {"/api/reviews/105", {}}},
      {"/api/reviews/{year}/{indicator}", {"/api/reviews/105/b1-1", {}}},
      {"/api/evidence/{evidence}", {"/api/evidence/1", {}}},
      {"/api/years", {"/api/years", {}}},
      {"/api/users", {"/api/users", {}}},
      {"/api/audit",
       {"/api/audit", {"object_type", "object_id", "user_id", "from", "to", "before", "limit"}}},
      {"/api/reports/plan", {"/api/reports/plan", {"format"}}},
      {"/api/reports/annual/{year}", {"/api/reports/annual/105", {"format"}}},
      {"/api/reports/workbook", {"/api/reports/workbook", {"format"}}},
      {"/api/reports/evaluation", {"/api/reports/evaluation", {"format", "year"}}},
      {"/api/reports/registers/{register}",
       {"/api/reports/registers/records_trainings", {"year", "format", "filter", "dates"}}},
      {"/api/reports/registers/{register}/template",
       {"/api/reports/registers/records_trainings/template", {}}},
  };
  return routes;
}

// The values to send for one parameter: the payload itself and, for record filters
// (field:op:value), the payload in each of the three parts.
std::vector<std::string> values_for(const std::string& parameter, const std::string& payload) {
  if (parameter != "filter") return {payload};
  return {payload,
          "title:" + payload,
          "title:eq:" + payload,
          "title:contains:" + payload,
          "title:" + payload + ":x",
          payload + ":eq:x",
          "participants:ge:" + payload,
          "held_on:lt:" + payload};
}

// A path with its {name} segments replaced by `value`, one parameter at a time.
std::vector<std::string> paths_with_parameter(const std::string& pattern,
                                              const std::string& concrete,
                                              const std::string& value) {
  std::vector<std::string> paths;
  std::vector<std::string> pattern_segments, concrete_segments;
  const auto split = [](const std::string& path, std::vector<std::string>& segments) {
    std::size_t start = 1;
    while (start <= path.size()) {
      const auto slash = path.find('/', start);
      segments.push_back(path.substr(start, slash - start));
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
  };
  split(pattern, pattern_segments);
  split(concrete, concrete_segments);
  for (std::size_t i = 0; i < pattern_segments.size(); ++i) {
    if (pattern_segments[i].front() != '{') continue;
    std::string path;
    for (std::size_t k = 0; k < concrete_segments.size(); ++k)
      path += "/" + (k == i ? url_encode(value) : concrete_segments[k]);
    paths.push_back(path);
  }
  return paths;
}

nlohmann::json training(const std::string& title) {
  return {{"values", {{"held_on", "2016-03-01"}, {"title", title}, {"participants", 30}}}};
}

void expect_client_error_or_success(const HttpResult& result, const std::string& what) {
  EXPECT_TRUE(result.status >= 200 && result.status < 500)
      << what << " → " << result.status << " " << result.error << " " << result.body.substr(0, 300);
}

// The server drops, unanswered, a request whose URL is longer than max_header_bytes (16 KiB
// by default; see server.h); any shorter one gets a 2xx or 4xx.
void expect_answered(const HttpResult& result, const std::string& target, const std::string& what) {
  if (target.size() > 16 * 1024 && result.status == 0) return;
  expect_client_error_or_success(result, what);
}

// Requests that carry the session cookie as a plain header: curl's cookie engine leaves
// the cookie out, and in 7.88 the request unfinished, when the URL nears 8 KiB.
class LongUrlClient {
 public:
  LongUrlClient(ApiWorld& world, ApiSession& session)
      : client_(world.base_url()),
        cookie_("Cookie: planscore_session=" + session.client.cookie("planscore_session")),
        csrf_("X-CSRF-Token: " + session.csrf_token) {}
  HttpResult get(const std::string& path) { return client_.request("GET", path, "", {cookie_}); }
  HttpResult send(const std::string& method, const std::string& path, const std::string& body,
                  const std::string& content_type) {
    return client_.request(method, path, body, {cookie_, csrf_, "Content-Type: " + content_type});
  }

 private:
  HttpClient client_;
  std::string cookie_, csrf_;
};

// Every account can still sign in with its own password, and only with it.
void expect_accounts_work(ApiWorld& world) {
  for (const char* role : kRoles) {
    EXPECT_EQ(ApiSession(world.base_url(), world.username(role), world.password(role))
                  .login_result.status,
              201)
        << role;
  }
  EXPECT_EQ(ApiSession(world.base_url(), "t_admin' --", "x").login_result.status, 401);
  EXPECT_EQ(ApiSession(world.base_url(), "t_admin", "' OR '1'='1").login_result.status, 401);
}

TEST(AttackSqlInjection, EveryQueryAndPathParameterOfEveryGetRoute) {
  ApiWorld world;
  auto admin = world.login("admin");
  auto editor = world.login("editor");
  // Titles without digits, quotes or wildcards, so no payload may match them.
  for (const char* title : {"alpha", "beta", "gamma"})
    ASSERT_EQ(editor->send("POST", kRecords, training(title)).status, 201);
  const auto before = snapshot(world.test_database());
  LongUrlClient client(world, *admin);

  const auto router = http::make_api_router({});
  int requests = 0;
  for (const auto& route : router.routes()) {
    if (route.method != "GET") continue;
    const auto found = get_routes().find(route.pattern);
    ASSERT_NE(found, get_routes().end()) << "list the query parameters of " << route.pattern;
    const auto& [path, parameters] = found->second;
    for (const auto& payload : injection_payloads()) {
      std::vector<std::pair<std::string, std::string>> targets;  // what, path
      for (const auto& parameter : parameters)
        for (const auto& value : values_for(parameter, payload))
          targets.emplace_back(parameter + "=" + value.substr(0, 60),
                               path + "?" + parameter + "=" + url_encode(value));
      for (const auto& attacked : paths_with_parameter(route.pattern, path, payload))
        targets.emplace_back("path " + payload.substr(0, 60), attacked);
      for (const auto& [what, target] : targets) {
        const auto result = client.get(target);
        ++requests;
        expect_answered(result, target, route.pattern + " " + what);
        // A filter on a title must never match titles that do not hold the payload.
        if (result.status == 200 && route.pattern == "/api/registers/{register}/records" &&
            (what.rfind("filter=title:eq:", 0) == 0 ||
             what.rfind("filter=title:contains:", 0) == 0)) {
          EXPECT_EQ(parse_json(result)["total"], 0) << what;
        }
      }
    }
  }
  EXPECT_GT(requests, 1000);
  EXPECT_EQ(admin->get_json(kRecords)["total"], 3);
  EXPECT_EQ(changed_tables(before, snapshot(world.test_database())), std::vector<std::string>{});
  expect_accounts_work(world);
}

TEST(AttackSqlInjection, QueryParametersOfChangingRoutesChangeNothing) {
  ApiWorld world;
  auto editor = world.login("editor");
  ASSERT_EQ(editor->send("POST", kRecords, training("alpha")).status, 201);
  const auto before = snapshot(world.test_database());
  const std::string csv = "held_on,title,participants\n2016-04-01,beta,12\n";
  LongUrlClient client(world, *editor);
  for (const auto& payload : injection_payloads()) {
    const auto value = url_encode(payload);
    std::vector<std::pair<std::string, std::string>> targets = {
        {"DELETE", kRecords + "/1?version=" + value},
        {"DELETE", "/api/values/b1-1/106?version=" + value},
        {"POST", "/api/registers/records_trainings/import?dry_run=" + value}};
    for (const auto& parameter : {"format", "encoding", "sheet"})
      targets.emplace_back("POST", "/api/registers/records_trainings/import?dry_run=true&" +
                                       std::string(parameter) + "=" + value);
    for (const auto& [method, target] : targets)
      expect_answered(client.send(method, target, method == "POST" ? csv : "", "text/csv"), target,
                      method + " " + target.substr(0, 100));
  }
  EXPECT_EQ(changed_tables(before, snapshot(world.test_database())), std::vector<std::string>{});
  expect_accounts_work(world);
}

// Pages through every record of the trainings register.
std::vector<std::string> all_titles(ApiSession& session) {
  std::vector<std::string> titles;
  for (int offset = 0;; offset += 100) {
    auto page = session.get_json(kRecords + "?limit=100&offset=" + std::to_string(offset));
    for (const auto& record : page["records"]) titles.push_back(record["values"]["title"]);
    if (page["records"].size() < 100) break;
  }
  return titles;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string csv_quoted(const std::string& text) {
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

TEST(AttackSqlInjection, RecordFieldsStoreHostileTextIntact) {
  ApiWorld world;
  auto editor = world.login("editor");
  const auto users_before = snapshot(world.test_database()).users;
  std::size_t stored = 0;
  for (const auto& payload : injection_payloads()) {
    const std::string what = "payload " + payload.substr(0, 60);
    auto created = editor->send("POST", kRecords, training(payload));
    expect_client_error_or_success(created, "create " + what);
    if (created.status == 201) {
      ++stored;
      auto record = parse_json(created);
      // Register cells lose surrounding ASCII spaces, tabs and line breaks, as typed cells
      // do (core::parse_field_value); everything else is kept.
      const auto kept = trimmed(payload);
      EXPECT_EQ(record["values"]["title"], kept) << what;
      const std::string path = kRecords + "/" + std::to_string(record["id"].get<long>());
      EXPECT_EQ(editor->get_json(path)["values"]["title"], kept) << what;
      const auto target = kRecords + "?filter=title:eq:" + url_encode(payload);
      if (target.size() <= 16 * 1024) {
        auto exact = LongUrlClient(world, *editor).get(target);
        ASSERT_EQ(exact.status, 200) << what;
        EXPECT_EQ(parse_json(exact)["total"], 1) << what;
      }

      auto body = training("updated " + payload);
      body["version"] = record["version"];
      auto updated = editor->send("PUT", path, body);
      ASSERT_EQ(updated.status, 200) << what << ": " << updated.body;
      EXPECT_EQ(editor->get_json(path)["values"]["title"], trimmed("updated " + payload)) << what;
    }
    // The other fields are typed: hostile text there is a validation error.
    for (const char* field : {"held_on", "participants"}) {
      auto typed = training("x");
      typed["values"][field] = payload;
      const auto result = editor->send("POST", kRecords, typed);
      expect_client_error_or_success(result, std::string(field) + " " + what);
      if (result.status == 201) {  // "0" and "-1" are numbers
        EXPECT_TRUE(parse_json(result)["values"]["participants"].is_number_integer()) << what;
      }
    }
    auto values = training("x")["values"];
    values[payload] = "1";  // an unknown field named by the payload
    expect_client_error_or_success(editor->send("POST", kRecords, {{"values", values}}),
                                   "field name " + what);
  }
  EXPECT_GT(stored, injection_payloads().size() / 2);
  EXPECT_EQ(snapshot(world.test_database()).users, users_before);
  expect_accounts_work(world);
}

TEST(AttackSqlInjection, CsvImportStoresHostileTextIntactOrRefusesTheFile) {
  ApiWorld world;
  auto editor = world.login("editor");
  std::vector<std::string> expected;
  for (const auto& payload : injection_payloads()) {
    const std::string csv =
        "held_on,title,participants\n2016-04-01," + csv_quoted(payload) + ",12\n";
    const auto titles_before = all_titles(*editor);
    const auto imported =
        editor->send_raw("POST", "/api/registers/records_trainings/import", csv, "text/csv");
    expect_client_error_or_success(imported, "import " + payload.substr(0, 60));
    if (imported.status == 201) {
      expected.push_back(trimmed(payload));
    } else {
      EXPECT_EQ(all_titles(*editor), titles_before) << "a refused file writes nothing";
    }
  }
  auto titles = all_titles(*editor);
  std::sort(titles.begin(), titles.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(titles, expected);
  EXPECT_GT(expected.size(), injection_payloads().size() / 2);
  expect_accounts_work(world);
}

TEST(AttackSqlInjection, CommentsExplanationsNotesAndNamesStoreHostileTextIntact) {
  ApiWorld world;
  auto admin = world.login("admin");
  auto editor = world.login("editor");
  std::int64_t viewer_id = 0;
  for (const auto& user : admin->get_json("/api/users"))
    if (user["username"] == "t_viewer") viewer_id = user["id"];
  const std::string viewer = "/api/users/" + std::to_string(viewer_id);
  const auto accounts_before = snapshot(world.test_database()).row_counts.at("users");
  std::int64_t value_version = 0;

  for (const auto& payload : injection_payloads()) {
    const std::string what = "payload " + payload.substr(0, 60);
    auto comment = editor->send("POST", "/api/reviews/105/b1-1/comments", {{"body", payload}});
    expect_client_error_or_success(comment, "comment " + what);
    if (comment.status == 201) {
      bool found = false;
      const auto comments = editor->get_json("/api/reviews/105/b1-1")["comments"];
      for (const auto& stored : comments) found = found || stored["body"] == payload;
      EXPECT_TRUE(found) << what;
    }

    const auto review = editor->get_json("/api/reviews/105/b1-1")["review"];
    auto explanation = editor->send("PUT", "/api/reviews/105/b1-1/explanation",
                                    {{"explanation", payload}, {"version", review["version"]}});
    expect_client_error_or_success(explanation, "explanation " + what);
    if (explanation.status == 200) {
      EXPECT_EQ(editor->get_json("/api/reviews/105/b1-1")["review"]["explanation"], payload)
          << what;
    }

    auto note = editor->send("PUT", "/api/values/b1-1/106",
                             {{"value", 500}, {"note", payload}, {"version", value_version}});
    expect_client_error_or_success(note, "note " + what);
    if (note.status == 200) {
      value_version = parse_json(note)["version"];
      bool found = false;
      for (const auto& value : editor->get_json("/api/values?year=106"))
        found = found || (value["indicator_id"] == "b1-1" && value["note"] == payload);
      EXPECT_TRUE(found) << what;
    }

    std::int64_t version = 0;
    for (const auto& user : admin->get_json("/api/users"))
      if (user["id"] == viewer_id) version = user["version"];
    auto renamed = admin->send("PATCH", viewer, {{"version", version}, {"display_name", payload}});
    expect_client_error_or_success(renamed, "display name " + what);
    if (renamed.status == 200)
      for (const auto& user : admin->get_json("/api/users"))
        if (user["id"] == viewer_id) {
          EXPECT_EQ(user["display_name"], payload) << what;
        }

    // A new account named by the payload is refused or made, never anything else.
    expect_client_error_or_success(admin->send("POST", "/api/users",
                                               {{"username", payload},
                                                {"password", "a long enough password 1"},
                                                {"role", "viewer"},
                                                {"display_name", payload}}),
                                   "username " + what);
  }
  const auto accounts_after = snapshot(world.test_database()).row_counts.at("users");
  EXPECT_LE(accounts_after - accounts_before, static_cast<long>(injection_payloads().size()));
  expect_accounts_work(world);
}

}  // namespace
}  // namespace planscore::test
