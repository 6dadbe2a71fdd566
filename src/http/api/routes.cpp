#include "http/api/routes.h"

#include "http/problem.h"
#include "service/failure.h"
#include "service/passwords.h"

namespace planscore::http {
namespace {

Response failure_response(const service::Failure& failure) {
  using service::FailureKind;
  switch (failure.kind) {
    case FailureKind::invalid:
      // Understood, but the values are wrong: 422. 400 means the request could not be
      // read at all (bad JSON, unknown fields, wrong types).
      return unprocessable(failure.what(), failure.problems);
    case FailureKind::unauthorized:
      return unauthorized(failure.what());
    case FailureKind::forbidden:
      return forbidden(failure.what());
    case FailureKind::not_found:
      return not_found(failure.what());
    case FailureKind::conflict:
      return problem_response({409, "about:blank", "", failure.what(), failure.problems});
    case FailureKind::locked:
      return problem_response({423, "about:blank", "Locked", failure.what(), failure.problems});
    case FailureKind::throttled:
      return too_many_requests(std::chrono::seconds{failure.retry_after_seconds}, failure.what());
  }
  return internal_error();
}

Response run_guarded(ApiState& state, Request& request, const ApiHandler& handler, Access access,
                     bool changes_state) {
  Exchange exchange(state, request);
  try {
    if (access == Access::session) {
      const auto token = request.cookie(kSessionCookie);
      auto session = token ? service::authenticate(exchange.store(), *token,
                                                   state.options.session_idle_timeout)
                           : std::nullopt;
      if (!session) return unauthorized("sign in first; your session is missing or has expired");
      // The token lives in the page, not in a cookie, so another site cannot send it.
      if (changes_state && !service::same_secret(request.header(kCsrfHeader), session->csrf_token))
        return forbidden("the X-CSRF-Token header is missing or wrong; reload the page");
      exchange.set_session(std::move(*session));
    }
    return handler(exchange);
  } catch (const service::Failure& failure) {
    return failure_response(failure);
  } catch (const BadInput& bad) {
    return bad_request(bad.what(), bad.problems);
  }
}

}  // namespace

void ApiRoutes::add(const std::string& method, const std::string& pattern, ApiHandler handler,
                    Access access) {
  const bool changes_state = method != "GET";
  Route route;
  route.method = method;
  route.pattern = pattern;
  route.needs_session = access == Access::session;
  route.changes_state = changes_state;
  route.handler = [state = state_, handler = std::move(handler), access,
                   changes_state](Request& request) {
    return run_guarded(*state, request, handler, access, changes_state);
  };
  router_.add(std::move(route));
}

void ApiRoutes::get(const std::string& pattern, ApiHandler handler, Access access) {
  add("GET", pattern, std::move(handler), access);
}
void ApiRoutes::post(const std::string& pattern, ApiHandler handler, Access access) {
  add("POST", pattern, std::move(handler), access);
}
void ApiRoutes::put(const std::string& pattern, ApiHandler handler) {
  add("PUT", pattern, std::move(handler), Access::session);
}
void ApiRoutes::patch(const std::string& pattern, ApiHandler handler) {
  add("PATCH", pattern, std::move(handler), Access::session);
}
void ApiRoutes::del(const std::string& pattern, ApiHandler handler) {
  add("DELETE", pattern, std::move(handler), Access::session);
}

}  // namespace planscore::http
