#pragma once
// Every response a test receives, appended as one JSON line to the file named by
// $PLANSCORE_RESPONSE_LOG (when set), so tests/api/check_openapi.py can check each
// against api/openapi.yaml: the spec is held to what the server really answered.
#include <string>

#include "http/http_client.h"

namespace planscore::test {

void log_response(const std::string& method, const std::string& path, const HttpResult& result);

}  // namespace planscore::test
