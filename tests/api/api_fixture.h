#pragma once
// An API test's world: a fresh database with the shipped plan (and, when asked, the demo
// records), one account per role, and the real `planscore serve` on a loopback port.
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "http/http_client.h"
#include "http/server_process.h"

namespace planscore::test {

// Roles of the test accounts. The section roles belong to "documents" (文檔科), which owns
// register records_trainings and indicator b1-1; other_editor keeps "general_affairs".
inline constexpr const char* kRoles[] = {"admin",    "planner", "editor",
                                         "reviewer", "viewer",  "other_editor"};

// The username of the test account with `role`.
inline std::string username_of(const std::string& role) {
  return "t_" + role;
}

// A signed-in browser: the session cookie and the CSRF token the login returned.
class ApiSession {
 public:
  ApiSession(const std::string& base_url, const std::string& username, const std::string& password);
  HttpResult login_result;

  // JSON requests; the CSRF header is sent unless `with_csrf` is false.
  HttpResult get(const std::string& path) { return client.get(path); }
  HttpResult send(const std::string& method, const std::string& path,
                  const nlohmann::json& body = nullptr, bool with_csrf = true);
  HttpResult send_raw(const std::string& method, const std::string& path, const std::string& body,
                      const std::string& content_type);
  nlohmann::json get_json(const std::string& path);

  HttpClient client;
  std::string csrf_token;
};

class ApiWorld {
 public:
  explicit ApiWorld(bool with_demo = false);
  // The server started with extra `planscore serve` arguments and environment entries.
  ApiWorld(bool with_demo, const std::vector<std::string>& serve_arguments,
           const std::vector<std::string>& environment = {});

  std::string base_url() const { return server_->base_url(); }
  std::unique_ptr<ApiSession> login(const std::string& role);
  const std::string& password(const std::string& role) { return passwords_.at(role); }
  std::string username(const std::string& role) const { return username_of(role); }
  ServerProcess& server() { return *server_; }
  const std::string& database() const { return database_; }
  const TestDatabase& test_database() const { return directory_.test_database(); }
  // An administrator other than "admin" (made by `admin` on first use), for the review
  // step the administrator who submitted may not take.
  std::unique_ptr<ApiSession> login_second_admin(ApiSession& admin);

 private:
  TestDirectory directory_;
  std::string database_;
  std::map<std::string, std::string> passwords_;
  std::unique_ptr<ServerProcess> server_;
};

nlohmann::json parse_json(const HttpResult& result);

// Takes every indicator of the year to its second review (複核), a year can be locked only
// then: the administrator submits (with an explanation where a target is missed), a second
// administrator gives the first review (separation of duties keeps it from the one who
// submitted) and the planner the second; each step as the server offers it.
void review_the_whole_year(ApiWorld& world, ApiSession& admin, int year);

// Signs `username` in with the password someone else chose and replaces it, as the server
// demands at a first sign-in; returns the password chosen. Throws when either step fails.
std::string complete_first_sign_in(const std::string& base_url, const std::string& username,
                                   const std::string& given_password);

// Starts a server on `database` for as long as it takes each account (username → the
// password `user add` printed) through its first sign-in; returns their new passwords.
std::map<std::string, std::string> complete_first_sign_ins(
    const std::string& database, std::map<std::string, std::string> given_passwords);

// The random password `planscore user add` prints once; throws when `output` has none.
std::string password_from(const std::string& output);

// A route pattern with its parameters filled by objects every ApiWorld has:
// /api/registers/{register}/records/{record} → /api/registers/records_trainings/records/1.
std::string concrete_path(std::string pattern);

}  // namespace planscore::test
