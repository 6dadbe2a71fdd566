// Accounts and the audit log.
#include "http/api/routes.h"
#include "http/api/views.h"
#include "service/accounts.h"
#include "service/audit.h"
#include "service/failure.h"

namespace planscore::http {
namespace {

Response users(ApiCall& call) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& user : service::list_users(call.store(), call.actor()))
    list.push_back(user_view(user));
  return json_response(200, list);
}

Response create_user(ApiCall& call) {
  auto body = call.json_body({"username", "display_name", "password", "role", "section_id"});
  const auto plan = call.plan_if_any();
  auto user = service::create_user(
      call.store(), call.actor(), plan.get(),
      {required_string(body, "username"), optional_string(body, "display_name").value_or(""),
       required_string(body, "password"), required_string(body, "role"),
       optional_string(body, "section_id").value_or("")});
  return json_response(201, user_view(user));
}

Response update_user(ApiCall& call) {
  auto body = call.json_body({"version", "display_name", "role", "section_id", "active"});
  service::UserChange change;
  change.version = required_int(body, "version");
  change.display_name = optional_string(body, "display_name");
  change.role = optional_string(body, "role");
  change.section_id = optional_string(body, "section_id");
  change.active = optional_bool(body, "active");
  const auto plan = call.plan_if_any();
  auto user =
      service::update_user(call.store(), call.actor(), plan.get(), call.int_param("user"), change);
  return json_response(200, user_view(user));
}

Response reset_password(ApiCall& call) {
  auto body = call.json_body({"new_password"});
  service::reset_password(call.store(), call.actor(), call.int_param("user"),
                          required_string(body, "new_password"));
  Response response;
  response.status = 204;
  return response;
}

Response audit_log(ApiCall& call) {
  store::AuditQuery query;
  query.object_type = call.request.query_value("object_type");
  query.object_id = call.request.query_value("object_id");
  query.user_id = call.int_query("user_id");
  query.from = call.request.query_value("from");
  query.to = call.request.query_value("to");
  query.before_id = call.int_query("before").value_or(0);
  const auto limit = call.int_query("limit").value_or(100);
  if (limit < 1 || limit > 1000)
    throw BadInput("the query is not valid", {{"limit", "must be between 1 and 1000"}});
  query.limit = static_cast<int>(limit);
  const auto found = service::read_audit(call.store(), call.actor(), query);
  const auto plan = call.plan_if_any();
  const auto names = service::audit_names(service::display_names(call.store()), plan.get(), found);
  nlohmann::json entries = nlohmann::json::array();
  for (std::size_t i = 0; i < found.size(); ++i) entries.push_back(audit_view(found[i], names[i]));
  return json_response(200, {{"entries", entries}});
}

}  // namespace

void add_admin_routes(ApiRoutes& routes) {
  routes.get("/api/users", users);
  routes.post("/api/users", create_user);
  routes.patch("/api/users/{user}", update_user);
  routes.post("/api/users/{user}/password", reset_password);
  routes.get("/api/audit", audit_log);
}

}  // namespace planscore::http
