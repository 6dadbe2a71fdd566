#pragma once
// The headers every response carries so a browser confines what the page may do: no
// framing, no MIME sniffing, no referrers, scripts and styles only from this origin.
#include <string_view>

#include "http/message.h"

namespace planscore::http {

inline constexpr const char* content_security_policy =
    "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; "
    "object-src 'none'";

// Adds each security header the response does not already set, so a handler can tighten
// one (a download might add "sandbox" to its policy). Under /api, answers are not stored
// by caches unless the handler says otherwise. `https` adds Strict-Transport-Security.
void add_security_headers(Response& response, std::string_view path, bool https);

}  // namespace planscore::http
