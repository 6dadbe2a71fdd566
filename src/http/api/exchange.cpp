#include "http/api/exchange.h"

#include <algorithm>
#include <charconv>

namespace planscore::http {
namespace {

std::optional<std::int64_t> parse_int(const std::string& text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

const nlohmann::json* member(const nlohmann::json& object, const std::string& key) {
  auto found = object.find(key);
  return found == object.end() || found->is_null() ? nullptr : &*found;
}

[[noreturn]] void wrong_type(const std::string& key, const std::string& expected) {
  throw BadInput("the request body is not valid", {{key, "must be " + expected}});
}

}  // namespace

Exchange::Exchange(ApiState& api_state, Request& http_request)
    : request(http_request), state(api_state) {}

store::Store& Exchange::store() {
  if (!lease_) lease_.emplace(state.stores.acquire());
  return **lease_;
}

service::CurrentPlan Exchange::plan() {
  return state.plans.current(store());
}

nlohmann::json Exchange::json_body(const std::vector<std::string>& allowed) {
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(request.body);
  } catch (const nlohmann::json::parse_error& error) {
    throw BadInput(
        "the request body is not valid JSON (at byte " + std::to_string(error.byte) + ")",
        {{"body", "not valid JSON"}});
  }
  if (!body.is_object())
    throw BadInput("the request body must be a JSON object", {{"body", "must be an object"}});
  core::Problems unknown;
  for (const auto& [key, value] : body.items())
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      unknown.push_back({key, "is not a field of this request"});
  if (!unknown.empty()) throw BadInput("the request body has unknown fields", unknown);
  return body;
}

std::int64_t Exchange::int_param(const std::string& name) {
  auto value = parse_int(request.param(name));
  if (!value) throw BadInput("the path is not valid", {{name, "must be a whole number"}});
  return *value;
}

int Exchange::year_param() {
  const auto year = int_param("year");
  if (year < 1 || year > 9999)
    throw BadInput("the path is not valid", {{"year", "must be an ROC year"}});
  return static_cast<int>(year);
}

std::optional<std::int64_t> Exchange::int_query(const std::string& name) {
  auto text = request.query_value(name);
  if (!text) return std::nullopt;
  auto value = parse_int(*text);
  if (!value) throw BadInput("the query is not valid", {{name, "must be a whole number"}});
  return value;
}

std::string required_string(const nlohmann::json& object, const std::string& key) {
  const auto* value = member(object, key);
  if (value == nullptr) throw BadInput("the request body is not complete", {{key, "is required"}});
  if (!value->is_string()) wrong_type(key, "a string");
  return value->get<std::string>();
}

std::optional<std::string> optional_string(const nlohmann::json& object, const std::string& key) {
  const auto* value = member(object, key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) wrong_type(key, "a string");
  return value->get<std::string>();
}

std::int64_t required_int(const nlohmann::json& object, const std::string& key) {
  auto value = optional_int(object, key);
  if (!value) throw BadInput("the request body is not complete", {{key, "is required"}});
  return *value;
}

std::optional<std::int64_t> optional_int(const nlohmann::json& object, const std::string& key) {
  const auto* value = member(object, key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number_integer()) wrong_type(key, "a whole number");
  return value->get<std::int64_t>();
}

double required_number(const nlohmann::json& object, const std::string& key) {
  const auto* value = member(object, key);
  if (value == nullptr) throw BadInput("the request body is not complete", {{key, "is required"}});
  if (!value->is_number()) wrong_type(key, "a number");
  return value->get<double>();
}

std::optional<bool> optional_bool(const nlohmann::json& object, const std::string& key) {
  const auto* value = member(object, key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) wrong_type(key, "true or false");
  return value->get<bool>();
}

std::string json_text(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Response json_response(int status, const nlohmann::json& body) {
  return Response::json(status, json_text(body));
}

}  // namespace planscore::http
