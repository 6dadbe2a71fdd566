// Any bytes as the JSON body of an API request. The first byte picks one of the routes'
// bodies (its allowed keys and typed reads, as the handlers make them); the rest is the
// body. Reading must end in a checked object or a BadInput naming what is wrong — no
// other exception, no crash — and what is read must be what the client wrote.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "http/api/client_input.h"
#include "http/api/record_input.h"

namespace {

using namespace planscore::http;
using nlohmann::json;

// A whole number read from the body must be the one written (no wrap-around of numbers
// beyond 64 bits, which JSON allows).
void check_int(const json& body, const std::string& key, std::int64_t read) {
  const json& written = body.at(key);
  if (written.is_number_unsigned()) {
    if (read < 0 || written.get<std::uint64_t>() != static_cast<std::uint64_t>(read))
      __builtin_trap();
  } else if (written.get<std::int64_t>() != read) {
    __builtin_trap();
  }
}

void read_login(const json& body) {
  required_string(body, "username");
  required_string(body, "password");
}

void read_record(const json& body, bool with_version) {
  const auto values = record_values(body);
  const json& written = body.at("values");
  if (values.size() != written.size()) __builtin_trap();
  for (const auto& [key, value] : written.items()) {
    const auto found = values.find(key);
    if (found == values.end()) __builtin_trap();
    // Numbers reach the field parser as the digits the client wrote.
    if (value.is_number_integer() && found->second != value.dump()) __builtin_trap();
  }
  if (with_version) check_int(body, "version", required_int(body, "version"));
}

void read_manual_value(const json& body) {
  if (!std::isfinite(required_number(body, "value"))) __builtin_trap();
  optional_string(body, "note");
  check_int(body, "version", required_int(body, "version"));
}

void read_account_change(const json& body) {
  check_int(body, "version", required_int(body, "version"));
  optional_string(body, "display_name");
  optional_string(body, "role");
  optional_string(body, "section_id");
  optional_bool(body, "active");
}

void read_review(const json& body) {
  required_string(body, "action");
  optional_string(body, "comment");
  check_int(body, "version", required_int(body, "version"));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    switch (data[0] % 6) {
      case 0:
        read_login(parse_json_object(body, {"username", "password"}));
        break;
      case 1:
        read_record(parse_json_object(body, {"values"}), false);
        break;
      case 2:
        read_record(parse_json_object(body, {"version", "values"}), true);
        break;
      case 3:
        read_manual_value(parse_json_object(body, {"value", "note", "version"}));
        break;
      case 4:
        read_account_change(
            parse_json_object(body, {"version", "display_name", "role", "section_id", "active"}));
        break;
      case 5:
        read_review(parse_json_object(body, {"action", "comment", "version"}));
        break;
    }
  } catch (const BadInput& refused) {
    // Every refusal names what is wrong, so the client can show it by the field.
    if (refused.problems.empty()) __builtin_trap();
  }
  return 0;
}
