#include "http/api/client_input.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>

#include "planfile/document_tree.h"
#include "planfile/json_input.h"

namespace planscore::http {
namespace {

const nlohmann::json* member(const nlohmann::json& object, const std::string& key) {
  auto found = object.find(key);
  return found == object.end() || found->is_null() ? nullptr : &*found;
}

// The deepest body is a plan edit: a whole plan file (planfile::kMaxDepth levels) under
// its "plan" key.
constexpr int kMaxBodyDepth = planfile::kMaxDepth + 1;

// Refuses, before any tree is built, what a tree would hide or could not afford: nesting
// beyond kMaxBodyDepth, a key given twice (a tree keeps the last), and the NUL character,
// which neither database keeps inside text.
void check_body_shape(std::string_view body) {
  using Fault = planfile::JsonInputFault;
  const auto fault = planfile::find_json_input_fault(body, {.max_depth = kMaxBodyDepth});
  if (!fault) return;
  switch (fault->kind) {
    case Fault::Kind::too_deep:
      throw BadInput("the request body is nested too deeply",
                     {{fault->path.empty() ? "body" : fault->path,
                       "nested deeper than " + std::to_string(kMaxBodyDepth) + " levels"}});
    case Fault::Kind::duplicate_key:
      throw BadInput("the request body gives a key twice",
                     {{fault->path, "is given twice; keep one"}});
    case Fault::Kind::nul_character:
      throw BadInput("the request body holds text with a NUL character (\\u0000)",
                     {{fault->path, "cannot contain the NUL character"}});
    case Fault::Kind::too_many_nodes:
      break;  // no node limit is asked for here
  }
}

[[noreturn]] void wrong_type(const std::string& key, const std::string& expected) {
  throw BadInput("the request body is not valid", {{key, "must be " + expected}});
}

}  // namespace

nlohmann::json parse_json_object(std::string_view body, const std::vector<std::string>& allowed) {
  check_body_shape(body);
  nlohmann::json parsed;
  try {
    parsed = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& error) {
    throw BadInput(
        "the request body is not valid JSON (at byte " + std::to_string(error.byte) + ")",
        {{"body", "not valid JSON"}});
  } catch (const nlohmann::json::out_of_range&) {
    // Valid JSON, but a number (1e400) beyond what a double holds: the parser refuses it
    // with this exception, not parse_error.
    throw BadInput("the request body holds a number too large to read",
                   {{"body", "a number is out of range"}});
  }
  if (!parsed.is_object())
    throw BadInput("the request body must be a JSON object", {{"body", "must be an object"}});
  core::Problems unknown;
  for (const auto& [key, value] : parsed.items())
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      unknown.push_back({key, "is not a field of this request"});
  if (!unknown.empty()) throw BadInput("the request body has unknown fields", unknown);
  return parsed;
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
  // The parser keeps whole numbers above int64's range as unsigned; converting them
  // would wrap around to a negative number.
  if (value->is_number_unsigned() &&
      value->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
    throw BadInput("the request body is not valid", {{key, "is too large"}});
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

std::optional<std::int64_t> parse_int(std::string_view text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::int64_t> int_query(const Request& request, const std::string& name) {
  auto text = request.query_value(name);
  if (!text) return std::nullopt;
  auto value = parse_int(*text);
  if (!value) throw BadInput("the query is not valid", {{name, "must be a whole number"}});
  return value;
}

}  // namespace planscore::http
