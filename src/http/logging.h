#pragma once
// The server's log: one access line per request and error lines, through spdlog's default
// logger, as key=value pairs a person can read and a script can split.
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace planscore::http {

// Sends the default logger to `log_file` (appending), or to stderr when it is empty.
// Throws std::runtime_error naming the file when it cannot be opened.
void configure_logging(const std::string& log_file);

struct AccessRecord {
  std::string_view method;
  std::string_view path;  // decoded, without the query: queries can carry secrets
  int status = 0;
  std::size_t bytes = 0;  // response body
  std::chrono::steady_clock::duration duration{};
  std::string_view remote_address;
};

// access method=GET path="/api/plan" status=200 bytes=1234 duration_ms=1.52 remote=127.0.0.1
std::string access_line(const AccessRecord& record);
void log_access(const AccessRecord& record);

// `text` in double quotes with quotes, backslashes and control bytes escaped, so a value
// taken from a request cannot forge or break log lines.
std::string log_quote(std::string_view text);

}  // namespace planscore::http
