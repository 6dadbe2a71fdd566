#include "api_fixture.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "world_template.h"

namespace planscore::test {

std::string password_from(const std::string& output) {
  const std::string marker = "to be changed at the first sign-in): ";
  const auto at = output.find(marker);
  if (at == std::string::npos) throw std::runtime_error("no password in: " + output);
  const auto start = at + marker.size();
  return output.substr(start, output.find('\n', start) - start);
}

std::string complete_first_sign_in(const std::string& base_url, const std::string& username,
                                   const std::string& given_password) {
  ApiSession session(base_url, username, given_password);
  if (session.login_result.status != 201)
    throw std::runtime_error(username + " cannot sign in: " + session.login_result.body);
  const std::string chosen = given_password + "-own";
  const auto changed =
      session.send("POST", "/api/session/password",
                   {{"current_password", given_password}, {"new_password", chosen}});
  if (changed.status != 204)
    throw std::runtime_error(username + " cannot change the password: " + changed.body);
  return chosen;
}

std::map<std::string, std::string> complete_first_sign_ins(
    const std::string& database, std::map<std::string, std::string> given_passwords) {
  const auto server = ServerProcess::serve(database);
  for (auto& [username, password] : given_passwords)
    password = complete_first_sign_in(server->base_url(), username, password);
  return given_passwords;
}

nlohmann::json parse_json(const HttpResult& result) {
  auto value = nlohmann::json::parse(result.body, nullptr, false);
  if (value.is_discarded()) ADD_FAILURE() << "not JSON (" << result.status << "): " << result.body;
  return value;
}

ApiSession::ApiSession(const std::string& base_url, const std::string& username,
                       const std::string& password)
    : client(base_url) {
  login_result = client.post_json(
      "/api/session", nlohmann::json{{"username", username}, {"password", password}}.dump());
  if (login_result.status == 201) csrf_token = parse_json(login_result)["csrf_token"];
}

HttpResult ApiSession::send(const std::string& method, const std::string& path,
                            const nlohmann::json& body, bool with_csrf) {
  std::vector<std::string> headers{"Content-Type: application/json"};
  if (with_csrf) headers.push_back("X-CSRF-Token: " + csrf_token);
  return client.request(method, path, body.is_null() ? "" : body.dump(), headers);
}

HttpResult ApiSession::send_raw(const std::string& method, const std::string& path,
                                const std::string& body, const std::string& content_type) {
  return client.request(method, path, body,
                        {"Content-Type: " + content_type, "X-CSRF-Token: " + csrf_token});
}

nlohmann::json ApiSession::get_json(const std::string& path) {
  auto result = client.get(path);
  EXPECT_EQ(result.status, 200) << path << ": " << result.body;
  return parse_json(result);
}

ApiWorld::ApiWorld(bool with_demo) : ApiWorld(with_demo, {}) {}

ApiWorld::ApiWorld(bool with_demo, const std::vector<std::string>& serve_arguments,
                   const std::vector<std::string>& environment)
    : database_(directory_.database()) {
  const WorldTemplate made = world_template(with_demo);
  directory_.test_database().replace_with_copy_of(made.source);
  passwords_ = made.passwords;
  server_ = ServerProcess::serve(database_, serve_arguments, environment);
}

std::unique_ptr<ApiSession> ApiWorld::login(const std::string& role) {
  auto session = std::make_unique<ApiSession>(base_url(), username(role), passwords_.at(role));
  EXPECT_EQ(session->login_result.status, 201) << role << ": " << session->login_result.body;
  return session;
}

std::unique_ptr<ApiSession> ApiWorld::login_second_admin(ApiSession& admin) {
  const std::string name = username_of("second_admin");
  if (!passwords_.contains("second_admin")) {
    const std::string given = "a second administrator's long password";
    const auto created = admin.send("POST", "/api/users",
                                    {{"username", name},
                                     {"display_name", "第二位管理者"},
                                     {"password", given},
                                     {"role", "admin"}});
    EXPECT_EQ(created.status, 201) << created.body;
    passwords_["second_admin"] = complete_first_sign_in(base_url(), name, given);
  }
  auto session = std::make_unique<ApiSession>(base_url(), name, passwords_.at("second_admin"));
  EXPECT_EQ(session->login_result.status, 201) << session->login_result.body;
  return session;
}

void review_the_whole_year(ApiWorld& world, ApiSession& admin, int year) {
  const auto path = "/api/reviews/" + std::to_string(year);
  const auto second_admin = world.login_second_admin(admin);
  const auto planner = world.login("planner");
  for (const auto& [action, session] : {std::pair<std::string, ApiSession*>{"submit", &admin},
                                        {"first_review", second_admin.get()},
                                        {"second_review", planner.get()}}) {
    const auto reviews = session->get_json(path);
    for (auto review : reviews["reviews"]) {
      const auto& offered = review["available_actions"];
      if (std::find(offered.begin(), offered.end(), action) == offered.end()) continue;
      const auto review_path = path + "/" + review["indicator_id"].get<std::string>();
      if (action == "submit" && review["explanation"] == "") {
        const auto explained = session->send(
            "PUT", review_path + "/explanation",
            {{"explanation", "未達成原因及改善措施"}, {"version", review["version"]}});
        ASSERT_EQ(explained.status, 200) << explained.body;
        review = parse_json(explained);
      }
      const auto done = session->send("POST", review_path + "/actions",
                                      {{"action", action}, {"version", review["version"]}});
      ASSERT_EQ(done.status, 200) << done.body;
    }
  }
}

std::string concrete_path(std::string pattern) {
  for (auto [from, to] : {std::pair{"{register}", "records_trainings"},
                          {"{record}", "1"},
                          {"{indicator}", "b1-1"},
                          {"{year}", "105"},
                          {"{evidence}", "1"},
                          {"{user}", "1"}})
    if (auto at = pattern.find(from); at != std::string::npos)
      pattern.replace(at, std::string(from).size(), to);
  return pattern;
}

}  // namespace planscore::test
