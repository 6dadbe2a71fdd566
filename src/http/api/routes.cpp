#include "http/api/routes.h"

#include <spdlog/spdlog.h>

#include <optional>

#include "core/problem_catalog.h"
#include "http/cross_site.h"
#include "http/logging.h"
#include "http/problem.h"
#include "service/failure.h"
#include "service/passwords.h"
#include "store/store.h"

namespace planscore::http {
namespace {

Response failure_response_of_kind(const service::Failure& failure) {
  using service::FailureKind;
  switch (failure.kind) {
    case FailureKind::invalid:
      // Understood, but the values are wrong: 422. 400 means the request could not be
      // read at all (bad JSON, unknown fields, wrong types).
      return unprocessable(failure.what(), failure.problems);
    case FailureKind::unauthorized:
      return unauthorized(failure.what());
    case FailureKind::forbidden:
      // A refusal with a reason the client can word (separation of duties) keeps it.
      if (!failure.problems.empty())
        return problem_response({403, "about:blank", "", failure.what(), failure.problems});
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

// A refused sign-in to a slowed-down account is held back as its success would be.
Response failure_response(const service::Failure& failure) {
  Response response = failure_response_of_kind(failure);
  response.send_after = failure.response_delay;
  return response;
}

// A database that cannot take the change says why, so an administrator knows what to fix
// and a client knows that nothing was written and reading still works; other database
// failures stay an internal error that reveals nothing.
std::optional<Response> storage_failure_response(const store::StoreError& error) {
  using store::StoreErrorKind;
  switch (error.kind) {
    case StoreErrorKind::full:
      return problem_response({507,
                               "urn:planscore:problem:database-full",
                               "",
                               "the database is full: the disk has no room left for this "
                               "change, so nothing was written; reading still works. Free "
                               "disk space on the server, then try again.",
                               {}});
    case StoreErrorKind::read_only:
      return problem_response({503,
                               "urn:planscore:problem:database-read-only",
                               "",
                               "the database is read-only: the server may not write its file "
                               "or directory, or the PostgreSQL database refuses writes, so "
                               "nothing was written; reading still works. Make the database "
                               "writable, then try again.",
                               {}});
    case StoreErrorKind::unavailable:
      return problem_response({503,
                               "urn:planscore:problem:database-unavailable",
                               "",
                               "the database could not be read or written (an I/O error, or "
                               "the database server is down or unreachable), so nothing was "
                               "written. Check the server's disk or database server, then try "
                               "again.",
                               {}});
    case StoreErrorKind::changed_meanwhile:
      return problem_response({409, "about:blank", "", error.what(), {}});
    case StoreErrorKind::other:
      break;
  }
  return std::nullopt;
}

Response run_guarded(ApiState& state, Request& request, const ApiHandler& handler, Access access,
                     bool changes_state) {
  ApiCall call(state, request);
  try {
    // Before the session, so a change another site's page sends is refused whether or
    // not the browser would attach the cookie (a sign-in needs none).
    if (changes_state) {
      if (auto refusal = cross_site_refusal(request, state.options.trusted_origins))
        return forbidden(*refusal);
    }
    if (access != Access::public_route) {
      const auto token = request.cookie(kSessionCookie);
      auto session =
          token ? service::authenticate(call.store(), *token, state.options.session_idle_timeout)
                : std::nullopt;
      if (!session) return unauthorized("sign in first; your session is missing or has expired");
      // The token lives in the page, not in a cookie, so another site cannot send it.
      if (changes_state && !service::same_secret(request.header(kCsrfHeader), session->csrf_token))
        return forbidden("the X-CSRF-Token header is missing or wrong; reload the page");
      if (session->must_change_password && access != Access::first_sign_in) {
        auto problem = core::coded_problem("", "password_change_required");
        return problem_response({403, "about:blank", "", problem.message, {problem}});
      }
      call.set_session(std::move(*session));
    }
    return handler(call);
  } catch (const service::Failure& failure) {
    return failure_response(failure);
  } catch (const BadInput& bad) {
    return bad_request(bad.what(), bad.problems);
  } catch (const UnsupportedMediaType& unsupported) {
    return unsupported_media_type(unsupported.what());
  } catch (const store::StoreError& error) {
    auto response = storage_failure_response(error);
    if (!response) throw;  // the router logs it and answers 500
    spdlog::error("database unavailable method={} path={} error={}", request.method,
                  log_quote(request.path), log_quote(error.what()));
    return std::move(*response);
  }
}

}  // namespace

void ApiRoutes::add(const std::string& method, const std::string& pattern, ApiHandler handler,
                    Access access, Work work) {
  const bool changes_state = method != "GET";
  Route route;
  route.method = method;
  route.pattern = pattern;
  route.needs_session = access != Access::public_route;
  route.changes_state = changes_state;
  route.runs_long = work == Work::long_running;
  route.handler = [state = state_, handler = std::move(handler), access,
                   changes_state](Request& request) {
    return run_guarded(*state, request, handler, access, changes_state);
  };
  router_.add(std::move(route));
}

void ApiRoutes::get(const std::string& pattern, ApiHandler handler, Access access, Work work) {
  add("GET", pattern, std::move(handler), access, work);
}
void ApiRoutes::post(const std::string& pattern, ApiHandler handler, Access access, Work work) {
  add("POST", pattern, std::move(handler), access, work);
}
void ApiRoutes::put(const std::string& pattern, ApiHandler handler, Work work) {
  add("PUT", pattern, std::move(handler), Access::session, work);
}
void ApiRoutes::patch(const std::string& pattern, ApiHandler handler) {
  add("PATCH", pattern, std::move(handler), Access::session, Work::quick);
}
void ApiRoutes::del(const std::string& pattern, ApiHandler handler, Access access) {
  add("DELETE", pattern, std::move(handler), access, Work::quick);
}

}  // namespace planscore::http
