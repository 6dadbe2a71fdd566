// Manual indicator values.
#include "http/api/routes.h"
#include "http/api/views.h"
#include "service/manual_values.h"

namespace planscore::http {
namespace {

Response list_values(ApiCall& call) {
  auto current = call.plan();
  std::optional<int> year;
  if (auto given = call.int_query("year")) year = static_cast<int>(*given);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& value : service::manual_values(call.store(), *current.plan, year))
    list.push_back(manual_value_view(value));
  return json_response(200, list);
}

Response set_value(ApiCall& call) {
  auto current = call.plan();
  auto body = call.json_body({"value", "stage", "note", "version"});
  const std::string indicator_id = call.request.param("indicator");
  // A milestone's value may be given by its stage's name instead of its percentage.
  const auto stage = optional_string(body, "stage");
  if (stage && body.contains("value"))
    throw BadInput("the request body is not valid",
                   {{"stage", "give the value or the stage, not both"}});
  const double value = stage ? service::manual_value_from_text(*current.plan, indicator_id, *stage)
                             : required_number(body, "value");
  auto stored = service::set_manual_value(
      call.store(), *current.plan, call.actor(), indicator_id, call.year_param(), value,
      optional_string(body, "note").value_or(""), required_int(body, "version"));
  return json_response(200, manual_value_view(stored));
}

Response delete_value(ApiCall& call) {
  auto current = call.plan();
  const auto version = call.int_query("version");
  if (!version)
    throw BadInput("the query is not complete",
                   {{"version", "give the version you read: ?version=N"}});
  service::delete_manual_value(call.store(), *current.plan, call.actor(),
                               call.request.param("indicator"), call.year_param(), *version);
  Response response;
  response.status = 204;
  return response;
}

}  // namespace

void add_value_routes(ApiRoutes& routes) {
  routes.get("/api/values", list_values);
  routes.put("/api/values/{indicator}/{year}", set_value);
  routes.del("/api/values/{indicator}/{year}", delete_value);
}

}  // namespace planscore::http
