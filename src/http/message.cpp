#include "http/message.h"

#include <string_view>

#include "http/ascii.h"

namespace planscore::http {
namespace {

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string Request::header(const std::string& name) const {
  if (auto found = headers.find(ascii_lowered(name)); found != headers.end()) return found->second;
  // Requests built by hand (tests, internal calls) may not have lower-cased their names.
  for (const auto& [header_name, value] : headers)
    if (ascii_iequals(header_name, name)) return value;
  return "";
}

std::string Request::media_type() const {
  const std::string type = header("content-type");
  return ascii_lowered(trim(std::string_view(type).substr(0, type.find(';'))));
}

// RFC 6265 §4.2.1: cookie-string = cookie-pair *( ";" SP cookie-pair ). Browsers are not
// always that tidy, so any run of spaces or tabs around a pair is tolerated. Names are
// case-sensitive; the first pair with the name wins, as user agents send the most
// specific path first.
std::optional<std::string> Request::cookie(const std::string& name) const {
  const std::string cookies = header("cookie");  // a view of header()'s temporary would dangle
  std::string_view rest = cookies;
  while (!rest.empty()) {
    const auto end = rest.find(';');
    const auto pair = trim(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    const auto equals = pair.find('=');
    if (equals == std::string_view::npos || trim(pair.substr(0, equals)) != name) continue;
    auto value = trim(pair.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    return std::string(value);
  }
  return std::nullopt;
}

std::optional<std::string> Request::query_value(const std::string& name) const {
  if (auto found = query.find(name); found != query.end()) return found->second;
  return std::nullopt;
}

const std::string& Request::param(const std::string& name) const {
  static const std::string empty;
  auto found = path_params.find(name);
  return found == path_params.end() ? empty : found->second;
}

void Response::set_header(const std::string& name, const std::string& value) {
  std::erase_if(headers, [&](const auto& header) { return ascii_iequals(header.first, name); });
  headers.emplace_back(name, value);
}

Response Response::json(int status, std::string body) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  response.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  return response;
}

}  // namespace planscore::http
