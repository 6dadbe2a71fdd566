#include "service/agency_time.h"

#include <fmt/chrono.h>

#include <cctype>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <stdexcept>

namespace planscore::service {
namespace {

std::string& zone_in_use() {
  static std::string zone;
  return zone;
}

std::once_flag default_zone_once;

// Where the C library reads zones from: $TZDIR, else the system's database (Debian's
// tzdata package).
std::filesystem::path zone_directory() {
  const char* directory = std::getenv("TZDIR");
  return directory && *directory ? directory : "/usr/share/zoneinfo";
}

bool is_zone_name(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' ||
          c == '+'))
      return false;
  return std::filesystem::is_regular_file(zone_directory() / name);
}

// A process that never chose a zone (a test, a tool) still dates things in the default.
void ensure_zone() {
  std::call_once(default_zone_once, [] {
    if (zone_in_use().empty()) use_time_zone(kDefaultTimeZone);
  });
}

}  // namespace

void use_time_zone(const std::string& name) {
  if (!is_zone_name(name))
    throw std::invalid_argument("unknown time zone \"" + name + "\" (expected a name from " +
                                zone_directory().string() + ", e.g. Asia/Taipei)");
  // The leading colon tells the C library to read the zone's file, never to parse the
  // name as a POSIX rule.
  ::setenv("TZ", (":" + name).c_str(), 1);
  ::tzset();
  zone_in_use() = name;
}

std::string time_zone() {
  ensure_zone();
  return zone_in_use();
}

std::string agency_date(core::Clock::time_point moment) {
  ensure_zone();
  const std::time_t seconds = core::Clock::to_time_t(moment);
  std::tm local{};
  ::localtime_r(&seconds, &local);
  return fmt::format("{:%Y-%m-%d}", local);
}

}  // namespace planscore::service
