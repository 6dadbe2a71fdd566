#pragma once
// Registering API routes. Every handler runs inside a guard that refuses changes a
// browser says come from another site (403, cross_site.h; sign-in included), opens the
// session (401 without one), checks the CSRF token on changes (403), and turns service
// refusals, bad input, bodies of the wrong media type (415) and missing plans into problem
// documents.
#include <functional>
#include <memory>
#include <string>

#include "http/api/api_call.h"
#include "http/router.h"

namespace planscore::http {

enum class Access {
  public_route,  // no session needed
  session,       // a signed-in user whose password is their own
  // Also open to a user who must first replace a password someone else chose: reading the
  // session, signing out, changing the password. Everything else answers 403
  // password_change_required until then.
  first_sign_in,
};
// Reports, imports and plan checks may take seconds: they run on the server's report
// workers, never on the request threads (Route::runs_long).
enum class Work { quick, long_running };

using ApiHandler = std::function<Response(ApiCall&)>;

class ApiRoutes {
 public:
  ApiRoutes(Router& router, std::shared_ptr<ApiState> state)
      : router_(router), state_(std::move(state)) {}
  void get(const std::string& pattern, ApiHandler handler, Access access = Access::session,
           Work work = Work::quick);
  void post(const std::string& pattern, ApiHandler handler, Access access = Access::session,
            Work work = Work::quick);
  void put(const std::string& pattern, ApiHandler handler, Work work = Work::quick);
  void patch(const std::string& pattern, ApiHandler handler);
  void del(const std::string& pattern, ApiHandler handler, Access access = Access::session);

 private:
  void add(const std::string& method, const std::string& pattern, ApiHandler handler, Access access,
           Work work);
  Router& router_;
  std::shared_ptr<ApiState> state_;  // every handler keeps it alive
};

// Route groups, one file each.
void add_session_routes(ApiRoutes& routes);
void add_plan_routes(ApiRoutes& routes);
void add_register_routes(ApiRoutes& routes);
void add_value_routes(ApiRoutes& routes);
void add_evaluation_routes(ApiRoutes& routes);
void add_review_routes(ApiRoutes& routes);
void add_admin_routes(ApiRoutes& routes);
void add_report_routes(ApiRoutes& routes);
void add_statistics_routes(ApiRoutes& routes);

}  // namespace planscore::http
