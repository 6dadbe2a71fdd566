#include "http/cross_site.h"

#include <algorithm>
#include <charconv>

#include "http/ascii.h"

namespace planscore::http {
namespace {

bool all_of_chars(std::string_view text, std::string_view allowed) {
  return !text.empty() && text.find_first_not_of(allowed) == std::string_view::npos;
}

constexpr std::string_view kAcceptedOnlyHere =
    "; changes are accepted only from this server's own pages";

}  // namespace

std::optional<std::string> normalized_origin(std::string_view text) {
  const std::string lowered = ascii_lowered(text);
  std::string_view rest = lowered;
  std::string_view scheme;
  for (const std::string_view prefix : {"http://", "https://"})
    if (rest.starts_with(prefix)) scheme = prefix.substr(0, prefix.find(':'));
  if (scheme.empty()) return std::nullopt;
  rest.remove_prefix(scheme.size() + 3);

  std::string_view host;
  std::optional<std::string_view> port;  // "host:" has an empty one, refused below
  if (rest.substr(0, 1) == "[") {
    const auto close = rest.find(']');
    if (close == std::string_view::npos ||
        !all_of_chars(rest.substr(1, close - 1), "0123456789abcdef:."))
      return std::nullopt;
    host = rest.substr(0, close + 1);
    rest.remove_prefix(close + 1);
  } else {
    host = rest.substr(0, rest.find(':'));
    rest.remove_prefix(host.size());
    if (!all_of_chars(host, "abcdefghijklmnopqrstuvwxyz0123456789.-")) return std::nullopt;
  }
  if (!rest.empty()) {
    if (rest.front() != ':') return std::nullopt;
    port = rest.substr(1);
  }
  std::string normalized = std::string(scheme) + "://" + std::string(host);
  if (!port) return normalized;
  unsigned number = 0;
  const auto [end, error] = std::from_chars(port->data(), port->data() + port->size(), number);
  if (error != std::errc{} || end != port->data() + port->size() || port->size() > 5 ||
      number == 0 || number > 65535)
    return std::nullopt;
  const unsigned default_port = scheme == "https" ? 443 : 80;
  if (number != default_port) normalized += ":" + std::to_string(number);
  return normalized;
}

std::optional<std::string> cross_site_refusal(const Request& request,
                                              const std::vector<std::string>& trusted_origins) {
  const std::string site = ascii_lowered(request.header("sec-fetch-site"));
  if (!site.empty() && site != "same-origin" && site != "none")
    return "the request comes from another site (Sec-Fetch-Site: " + site + ")" +
           std::string(kAcceptedOnlyHere);
  const std::string origin = request.header("origin");
  if (origin.empty()) return std::nullopt;
  if (const auto normalized = normalized_origin(origin)) {
    if (std::find(trusted_origins.begin(), trusted_origins.end(), *normalized) !=
        trusted_origins.end())
      return std::nullopt;
    // The Origin's own scheme: the Host header does not say whether TLS was spoken.
    const std::string scheme = normalized->substr(0, normalized->find(':'));
    if (normalized_origin(scheme + "://" + request.header("host")) == normalized)
      return std::nullopt;
  }
  return "the request comes from another site (Origin: " + origin +
         ", Host: " + request.header("host") + ")" + std::string(kAcceptedOnlyHere) +
         " (behind a reverse proxy that passes on another Host, list the proxy's origin in "
         "the trusted_origins setting)";
}

}  // namespace planscore::http
