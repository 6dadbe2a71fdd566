// Health, login, logout, the current session, changing one's own password.
#include "http/api/routes.h"
#include "http/api/views.h"
#include "service/accounts.h"
#include "service/failure.h"

namespace planscore::http {
namespace {

std::string session_cookie(const std::string& value, bool secure, bool expire) {
  std::string cookie =
      std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
  if (secure) cookie += "; Secure";
  if (expire) cookie += "; Max-Age=0";
  return cookie;
}

nlohmann::json session_view(Exchange& exchange, const store::UserRow& user,
                            const std::string& csrf_token) {
  std::shared_ptr<const core::Plan> plan;
  try {
    plan = exchange.plan().plan;
  } catch (const service::Failure&) {
    // No plan yet: the session still works, with no section rights to list.
  }
  return {{"user", user_view(user)},
          {"csrf_token", csrf_token},
          {"permissions", permissions_view(service::actor_of(user), plan.get())}};
}

Response health(Exchange& exchange) {
  exchange.store().data_version();  // throws, and so answers 500, when the database is gone
  return json_response(200, {{"status", "ok"}});
}

Response login(Exchange& exchange) {
  auto body = exchange.json_body({"username", "password"});
  auto result = service::login(exchange.store(), required_string(body, "username"),
                               required_string(body, "password"), exchange.request.remote_address);
  auto response = json_response(201, session_view(exchange, result.user, result.csrf_token));
  response.set_header("Set-Cookie",
                      session_cookie(result.token, exchange.state.options.secure_cookies, false));
  response.send_after = result.response_delay;
  return response;
}

Response current_session(Exchange& exchange) {
  auto user = exchange.store().find_user(exchange.actor().user_id);
  if (!user) throw service::Failure(service::FailureKind::unauthorized, "the account is gone");
  return json_response(200, session_view(exchange, *user, exchange.session().csrf_token));
}

Response logout(Exchange& exchange) {
  service::logout(exchange.store(), exchange.session());
  Response response;
  response.status = 204;
  response.set_header("Set-Cookie",
                      session_cookie("", exchange.state.options.secure_cookies, true));
  return response;
}

Response change_password(Exchange& exchange) {
  auto body = exchange.json_body({"current_password", "new_password"});
  service::change_own_password(
      exchange.store(), exchange.actor(), required_string(body, "current_password"),
      required_string(body, "new_password"), exchange.session().token_hash);
  Response response;
  response.status = 204;
  return response;
}

}  // namespace

void add_session_routes(ApiRoutes& routes) {
  routes.get("/api/health", health, Access::public_route);
  routes.post("/api/session", login, Access::public_route);
  routes.get("/api/session", current_session);
  routes.del("/api/session", logout);
  routes.post("/api/session/password", change_password);
}

}  // namespace planscore::http
