#pragma once
// Case-insensitive comparison for protocol tokens (header names, methods, extensions),
// which are ASCII; the C library's tolower depends on the locale and on signed chars.
#include <algorithm>
#include <string>
#include <string_view>

namespace planscore::http {

inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string ascii_lowered(std::string_view text) {
  std::string lowered(text);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), ascii_lower);
  return lowered;
}

inline bool ascii_iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

// An RFC 9110 token (tchar+): what a header name must be. "Transfer-Encoding " or
// "X Name" is not one; a proxy in front may read such a name differently from this
// server, which is how requests are smuggled past it.
inline bool is_http_token(std::string_view text) {
  static constexpr std::string_view kSymbols = "!#$%&'*+-.^_`|~";
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           kSymbols.find(c) != std::string_view::npos;
  });
}

}  // namespace planscore::http
