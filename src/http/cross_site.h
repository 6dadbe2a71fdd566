#pragma once
// Telling a change that another site's page makes a browser send (cross-site request
// forgery, with the user's cookie when the browser allows it) from one sent by the
// server's own pages or by a program. Browsers say where a request comes from:
// Sec-Fetch-Site ("same-origin", "same-site", "cross-site", or "none" for the user's own
// action) and Origin ("https://host:port", or "null" when the page's origin is hidden).
// Programs (the CLI, curl, scripts) send neither header and pass: what they send, their
// user meant to send.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace planscore::http {

// Why `request` must be refused as coming from another site, or nullopt when it may go
// on: Sec-Fetch-Site, when sent, must be "same-origin" or "none", and Origin, when sent,
// must name the request's Host (host[:port]) or be one of `trusted_origins` (each
// normalized by normalized_origin), which a reverse proxy that passes another Host needs.
std::optional<std::string> cross_site_refusal(const Request& request,
                                              const std::vector<std::string>& trusted_origins);

// An http or https origin in one spelling: lower-cased, without its scheme's default port
// ("HTTPS://Plan.Example:443" → "https://plan.example"). nullopt unless `text` is
// scheme://host[:port] with nothing after it.
std::optional<std::string> normalized_origin(std::string_view text);

}  // namespace planscore::http
