#include "http/logging.h"

#include <fmt/format.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <stdexcept>

namespace planscore::http {

void configure_logging(const std::string& log_file) {
  std::shared_ptr<spdlog::logger> logger;
  try {
    if (log_file.empty())
      logger = std::make_shared<spdlog::logger>("planscore",
                                                std::make_shared<spdlog::sinks::stderr_sink_mt>());
    else
      logger = std::make_shared<spdlog::logger>(
          "planscore", std::make_shared<spdlog::sinks::basic_file_sink_mt>(log_file));
  } catch (const spdlog::spdlog_ex& e) {
    throw std::runtime_error("cannot open log file " + log_file + ": " + e.what());
  }
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
  // One write per line, so `tail -f` and a crash both see every request.
  logger->flush_on(spdlog::level::info);
  spdlog::set_default_logger(std::move(logger));
}

std::string access_line(const AccessRecord& record) {
  const double milliseconds = std::chrono::duration<double, std::milli>(record.duration).count();
  return fmt::format("access method={} path={} status={} bytes={} duration_ms={:.2f} remote={}",
                     record.method, log_quote(record.path), record.status, record.bytes,
                     milliseconds, record.remote_address);
}

void log_access(const AccessRecord& record) {
  spdlog::info(access_line(record));
}

std::string log_quote(std::string_view text) {
  std::string quoted = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += c;
    } else if (byte < 0x20 || byte == 0x7f) {
      quoted += fmt::format("\\x{:02x}", byte);
    } else {
      quoted += c;
    }
  }
  return quoted + "\"";
}

}  // namespace planscore::http
