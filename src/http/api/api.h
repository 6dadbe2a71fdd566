#pragma once
// The JSON API under /api: every route, wired to the service layer.
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "http/router.h"

namespace planscore::http {

struct ApiOptions {
  std::string database_url;
  std::chrono::seconds session_idle_timeout{30 * 60};
  bool secure_cookies = false;  // set when served behind TLS
  // Origins besides the request's Host whose pages may send changes (cross_site.h).
  std::vector<std::string> trusted_origins;
  std::size_t max_evidence_bytes = 10 * 1024 * 1024;
};

// Builds the router. Opens database connections from a pool as requests need them; the
// router may be shared by all server threads.
Router make_api_router(const ApiOptions& options);

}  // namespace planscore::http
