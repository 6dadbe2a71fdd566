#include "http/api/api.h"

#include <memory>

#include "http/api/routes.h"

namespace planscore::http {

Router make_api_router(const ApiOptions& options) {
  Router router;
  ApiRoutes routes(router, std::make_shared<ApiState>(options));
  add_session_routes(routes);
  add_plan_routes(routes);
  add_register_routes(routes);
  add_value_routes(routes);
  add_evaluation_routes(routes);
  add_review_routes(routes);
  add_admin_routes(routes);
  add_report_routes(routes);
  add_statistics_routes(routes);
  return router;
}

}  // namespace planscore::http
