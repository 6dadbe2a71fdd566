// Keeps the server's info lines (one per request) out of the test output; tests that look
// at the log install their own logger (CapturedLog).
#include <spdlog/spdlog.h>

namespace {

const bool quiet = [] {
  spdlog::set_level(spdlog::level::warn);
  return true;
}();

}  // namespace
