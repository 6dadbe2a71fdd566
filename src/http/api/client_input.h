#pragma once
// Reading what a client sent — the JSON body, its members, whole-number query values —
// with a BadInput (400) naming each bad part. Pure functions of the text, apart from the
// ApiCall, so they can be tested and fuzzed without a server or a database.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/problem.h"
#include "http/message.h"

namespace planscore::http {

// A request the client got wrong: answered 400 with `problems` naming each bad part.
struct BadInput : std::runtime_error {
  BadInput(const std::string& message, core::Problems details = {})
      : std::runtime_error(message), problems(std::move(details)) {}
  core::Problems problems;
};

// The body as a JSON object whose keys are all in `allowed` (others: BadInput naming
// them, so a typo is not silently ignored).
nlohmann::json parse_json_object(std::string_view body, const std::vector<std::string>& allowed);

// Typed reads from a JSON object; a wrong type or a missing required key is BadInput
// with the key as the path.
std::string required_string(const nlohmann::json& object, const std::string& key);
std::optional<std::string> optional_string(const nlohmann::json& object, const std::string& key);
std::int64_t required_int(const nlohmann::json& object, const std::string& key);
std::optional<std::int64_t> optional_int(const nlohmann::json& object, const std::string& key);
double required_number(const nlohmann::json& object, const std::string& key);
std::optional<bool> optional_bool(const nlohmann::json& object, const std::string& key);

// The query parameter `name` as a whole number; nullopt when absent, BadInput when it is
// not one.
std::optional<std::int64_t> int_query(const Request& request, const std::string& name);
// The whole number a path parameter or query value spells, digits only after an optional
// '-'; nullopt otherwise.
std::optional<std::int64_t> parse_int(std::string_view text);

}  // namespace planscore::http
