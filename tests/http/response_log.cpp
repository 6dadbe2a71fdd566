#include "http/response_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

namespace planscore::test {

void log_response(const std::string& method, const std::string& path, const HttpResult& result) {
  const char* file = std::getenv("PLANSCORE_RESPONSE_LOG");
  if (file == nullptr || *file == '\0' || result.status == 0) return;
  const std::string content_type = result.header("content-type");
  const bool json = content_type.find("json") != std::string::npos;
  const std::string line = nlohmann::json{{"method", method},
                                          {"path", path.substr(0, path.find('?'))},
                                          {"status", result.status},
                                          {"content_type", content_type},
                                          {"body", json ? result.body : ""}}
                               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
                           "\n";
  // Test processes run in parallel: one O_APPEND write per line keeps lines whole.
  const int descriptor = ::open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (descriptor < 0) return;
  [[maybe_unused]] const auto written = ::write(descriptor, line.data(), line.size());
  ::close(descriptor);
}

}  // namespace planscore::test
