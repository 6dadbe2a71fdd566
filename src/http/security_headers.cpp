#include "http/security_headers.h"

#include <algorithm>

#include "http/ascii.h"

namespace planscore::http {
namespace {

bool has_header(const Response& response, std::string_view name) {
  return std::any_of(response.headers.begin(), response.headers.end(),
                     [&](const auto& header) { return ascii_iequals(header.first, name); });
}

void add_if_absent(Response& response, const char* name, const char* value) {
  if (!has_header(response, name)) response.headers.emplace_back(name, value);
}

bool is_api_path(std::string_view path) {
  return path == "/api" || path.substr(0, 5) == "/api/";
}

}  // namespace

void add_security_headers(Response& response, std::string_view path, bool https) {
  add_if_absent(response, "Content-Security-Policy", content_security_policy);
  add_if_absent(response, "X-Content-Type-Options", "nosniff");
  add_if_absent(response, "X-Frame-Options", "DENY");
  add_if_absent(response, "Referrer-Policy", "no-referrer");
  add_if_absent(response, "Cross-Origin-Opener-Policy", "same-origin");
  add_if_absent(response, "Cross-Origin-Resource-Policy", "same-origin");
  add_if_absent(response, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (https) add_if_absent(response, "Strict-Transport-Security", "max-age=31536000");
  if (is_api_path(path)) add_if_absent(response, "Cache-Control", "no-store");
}

}  // namespace planscore::http
