#pragma once
// Files the API sends for saving: evidence and reports.
#include <string>

namespace planscore::http {

// RFC 6266 / 8187: an ASCII fallback name and the UTF-8 name percent-encoded, so a
// Chinese file name survives every browser.
std::string content_disposition(const std::string& file_name);

}  // namespace planscore::http
