// Manual indicator values.
#include "http/api/routes.h"
#include "http/api/views.h"
#include "service/manual_values.h"

namespace planscore::http {
namespace {

Response list_values(Exchange& exchange) {
  auto current = exchange.plan();
  std::optional<int> year;
  if (auto given = exchange.int_query("year")) year = static_cast<int>(*given);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& value : service::manual_values(exchange.store(), *current.plan, year))
    list.push_back(manual_value_view(value));
  return json_response(200, list);
}

Response set_value(Exchange& exchange) {
  auto current = exchange.plan();
  auto body = exchange.json_body({"value", "note", "version"});
  auto stored = service::set_manual_value(
      exchange.store(), *current.plan, exchange.actor(), exchange.request.param("indicator"),
      exchange.year_param(), required_number(body, "value"),
      optional_string(body, "note").value_or(""), required_int(body, "version"));
  return json_response(200, manual_value_view(stored));
}

Response delete_value(Exchange& exchange) {
  auto current = exchange.plan();
  const auto version = exchange.int_query("version");
  if (!version)
    throw BadInput("the query is not complete",
                   {{"version", "give the version you read: ?version=N"}});
  service::delete_manual_value(exchange.store(), *current.plan, exchange.actor(),
                               exchange.request.param("indicator"), exchange.year_param(),
                               *version);
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
