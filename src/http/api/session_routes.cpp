// Health, login, logout, the current session, changing one's own password.
#include "http/api/routes.h"
#include "http/api/views.h"
#include "service/accounts.h"
#include "service/agency_time.h"
#include "service/evidence_types.h"
#include "service/failure.h"
#include "service/health.h"

namespace planscore::http {
namespace {

std::string session_cookie(const std::string& value, bool secure, bool expire) {
  std::string cookie =
      std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
  if (secure) cookie += "; Secure";
  if (expire) cookie += "; Max-Age=0";
  return cookie;
}

nlohmann::json session_view(ApiCall& call, const store::UserRow& user,
                            const std::string& csrf_token) {
  // Before any plan, the session still works, with no section rights to list.
  const auto plan = call.plan_if_any();
  // The evidence rules, so the web app checks a file before sending it as the server will.
  const nlohmann::json evidence{{"extensions", service::evidence_extensions()},
                                {"max_bytes", call.state.options.max_evidence_bytes}};
  return {{"user", user_view(user)},
          {"csrf_token", csrf_token},
          {"permissions", permissions_view(service::actor_of(user), plan.get())},
          {"evidence", evidence},
          {"time_zone", service::time_zone()}};
}

// Liveness: the process answers; nothing is read, so a database outage does not make a
// supervisor restart a server that is fine.
Response live(ApiCall&) {
  return json_response(200, {{"status", "ok"}});
}

// Readiness: the database answers too.
Response health(ApiCall& call) {
  service::check_database(call.store());  // throws, and so answers 500, when it is gone
  return json_response(200, {{"status", "ok"}});
}

Response login(ApiCall& call) {
  auto body = call.json_body({"username", "password"});
  auto result = service::login(call.store(), required_string(body, "username"),
                               required_string(body, "password"), call.request.remote_address);
  auto response = json_response(201, session_view(call, result.user, result.csrf_token));
  response.set_header("Set-Cookie",
                      session_cookie(result.token, call.state.options.secure_cookies, false));
  response.send_after = result.response_delay;
  return response;
}

Response current_session(ApiCall& call) {
  return json_response(200, session_view(call, service::own_account(call.store(), call.actor()),
                                         call.session().csrf_token));
}

Response logout(ApiCall& call) {
  service::logout(call.store(), call.session());
  Response response;
  response.status = 204;
  response.set_header("Set-Cookie", session_cookie("", call.state.options.secure_cookies, true));
  return response;
}

Response change_password(ApiCall& call) {
  auto body = call.json_body({"current_password", "new_password"});
  service::change_own_password(call.store(), call.actor(),
                               required_string(body, "current_password"),
                               required_string(body, "new_password"), call.session().token_hash);
  Response response;
  response.status = 204;
  return response;
}

}  // namespace

void add_session_routes(ApiRoutes& routes) {
  routes.get("/api/health", health, Access::public_route);
  routes.get("/api/health/live", live, Access::public_route);
  routes.post("/api/session", login, Access::public_route);
  routes.get("/api/session", current_session, Access::first_sign_in);
  routes.del("/api/session", logout, Access::first_sign_in);
  routes.post("/api/session/password", change_password, Access::first_sign_in);
}

}  // namespace planscore::http
