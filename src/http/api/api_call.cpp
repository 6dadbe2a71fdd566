#include "http/api/api_call.h"

#include "service/failure.h"

namespace planscore::http {

ApiCall::ApiCall(ApiState& api_state, Request& http_request)
    : request(http_request), state(api_state) {}

store::Store& ApiCall::store() {
  if (!lease_) lease_.emplace(state.stores.acquire());
  return **lease_;
}

service::CurrentPlan ApiCall::plan() {
  return state.plans.current(store());
}

std::shared_ptr<const core::Plan> ApiCall::plan_if_any() {
  try {
    return plan().plan;
  } catch (const service::Failure&) {
    return nullptr;
  }
}

nlohmann::json ApiCall::json_body(const std::vector<std::string>& allowed) {
  const std::string type = request.media_type();
  if (type != "application/json")
    throw UnsupportedMediaType(
        "the request body must be JSON sent with Content-Type: application/json; this one " +
        (type.empty() ? std::string("has no Content-Type") : "is sent as " + type));
  return parse_json_object(request.body, allowed);
}

std::int64_t ApiCall::int_param(const std::string& name) {
  auto value = parse_int(request.param(name));
  if (!value) throw BadInput("the path is not valid", {{name, "must be a whole number"}});
  return *value;
}

int ApiCall::year_param() {
  const auto year = int_param("year");
  if (year < 1 || year > 9999)
    throw BadInput("the path is not valid", {{"year", "must be an ROC year"}});
  return static_cast<int>(year);
}

std::optional<std::int64_t> ApiCall::int_query(const std::string& name) {
  return http::int_query(request, name);
}

std::optional<int> ApiCall::year_query(const std::string& name) {
  const auto value = int_query(name);
  if (!value) return std::nullopt;
  if (*value < 1 || *value > 9999)
    throw BadInput("the query is not valid", {{name, "must be an ROC year (1–9999)"}});
  return static_cast<int>(*value);
}

std::string json_text(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Response json_response(int status, const nlohmann::json& body) {
  return Response::json(status, json_text(body));
}

}  // namespace planscore::http
