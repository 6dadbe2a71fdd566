#include "http/config.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "http/ascii.h"
#include "http/cross_site.h"

namespace planscore::http {
namespace {

[[noreturn]] void bad_value(const std::string& origin, const std::string& value,
                            const std::string& expected) {
  throw ConfigError(fmt::format("{}: '{}' {}", origin, value, expected));
}

std::optional<unsigned long long> parse_unsigned(std::string_view text) {
  unsigned long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

unsigned long long parse_integer(const std::string& value, unsigned long long low,
                                 unsigned long long high, const std::string& origin,
                                 const std::string& expected) {
  const auto number = parse_unsigned(value);
  if (!number || *number < low || *number > high) bad_value(origin, value, expected);
  return *number;
}

// "16777216", "16MiB", "512 KiB", "1GiB": sizes people write in config files.
std::size_t parse_size(const std::string& value, std::size_t low, const std::string& origin) {
  std::string_view text = value;
  const auto digits_end = std::min(text.find_first_not_of("0123456789"), text.size());
  auto unit = ascii_lowered(text.substr(digits_end));
  unit.erase(0, std::min(unit.find_first_not_of(' '), unit.size()));
  unsigned long long multiplier = 0;
  if (unit.empty() || unit == "b") multiplier = 1;
  if (unit == "k" || unit == "kib") multiplier = 1ull << 10;
  if (unit == "m" || unit == "mib") multiplier = 1ull << 20;
  if (unit == "g" || unit == "gib") multiplier = 1ull << 30;
  const auto number = parse_unsigned(text.substr(0, digits_end));
  const auto limit = 1ull << 40;
  const std::string expected =
      fmt::format("is not a size of at least {} bytes (e.g. 16777216 or 16MiB)", low);
  if (!number || multiplier == 0 || *number > limit / multiplier || *number * multiplier < low)
    bad_value(origin, value, expected);
  return static_cast<std::size_t>(*number * multiplier);
}

bool parse_bool(const std::string& value, const std::string& origin) {
  const auto lowered = ascii_lowered(value);
  if (lowered == "true" || lowered == "yes" || lowered == "on" || lowered == "1") return true;
  if (lowered == "false" || lowered == "no" || lowered == "off" || lowered == "0") return false;
  bad_value(origin, value, "is not true or false");
}

// "https://a.example, https://b.example:8443": origins separated by commas or spaces.
std::vector<std::string> parse_origins(const std::string& value, const std::string& origin) {
  std::vector<std::string> origins;
  std::string_view rest = value;
  while (!rest.empty()) {
    const auto start = rest.find_first_not_of(", \t");
    if (start == std::string_view::npos) break;
    rest.remove_prefix(start);
    const auto entry = rest.substr(0, rest.find_first_of(", \t"));
    rest.remove_prefix(entry.size());
    const auto normalized = normalized_origin(entry);
    if (!normalized)
      bad_value(origin, std::string(entry),
                "is not an origin (http:// or https://, a host and an optional port, nothing "
                "after: https://plan.example or https://plan.example:8443)");
    origins.push_back(*normalized);
  }
  return origins;
}

bool is_ip_address(const std::string& text) {
  unsigned char buffer[16];
  return text == "localhost" || inet_pton(AF_INET, text.c_str(), buffer) == 1 ||
         inet_pton(AF_INET6, text.c_str(), buffer) == 1;
}

bool is_readable_file(const std::string& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error) && std::ifstream(path).good();
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError("cannot read config file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

unsigned default_thread_count() {
  return std::clamp(std::thread::hardware_concurrency(), 2u, 16u);
}

unsigned default_report_workers() {
  return std::clamp(std::thread::hardware_concurrency() / 2, 1u, 8u);
}

const std::vector<std::string>& config_keys() {
  static const std::vector<std::string> keys = {"address",
                                                "port",
                                                "threads",
                                                "max_body_bytes",
                                                "max_header_bytes",
                                                "read_timeout_seconds",
                                                "request_timeout_seconds",
                                                "max_connections",
                                                "max_connections_per_address",
                                                "report_workers",
                                                "web_root",
                                                "session_idle_minutes",
                                                "secure_cookies",
                                                "trusted_origins",
                                                "tls_certificate",
                                                "tls_private_key",
                                                "database_url",
                                                "log_file"};
  return keys;
}

std::string environment_variable(const std::string& key) {
  if (key == "database_url") return "PLANSCORE_DB";
  std::string name = "PLANSCORE_";
  for (const char c : key) name += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  return name;
}

void apply_setting(ServerConfig& config, const std::string& key, const std::string& value,
                   const std::string& origin) {
  constexpr auto day = 24ull * 60 * 60;
  if (key == "address") {
    if (!is_ip_address(value)) bad_value(origin, value, "is not an IP address or localhost");
    config.address = value;
  } else if (key == "port") {
    config.port =
        static_cast<std::uint16_t>(parse_integer(value, 0, 65535, origin, "is not a port number"));
  } else if (key == "threads") {
    config.threads = static_cast<unsigned>(
        parse_integer(value, 1, 256, origin, "is not a thread count (1 to 256)"));
  } else if (key == "max_body_bytes") {
    config.max_body_bytes = parse_size(value, 1, origin);
  } else if (key == "max_header_bytes") {
    config.max_header_bytes = parse_size(value, 1024, origin);
  } else if (key == "read_timeout_seconds") {
    config.read_timeout = std::chrono::seconds(
        parse_integer(value, 1, day, origin, "is not a number of seconds (1 to 86400)"));
  } else if (key == "request_timeout_seconds") {
    config.request_timeout = std::chrono::seconds(
        parse_integer(value, 1, day, origin, "is not a number of seconds (1 to 86400)"));
  } else if (key == "max_connections") {
    config.max_connections = static_cast<std::size_t>(
        parse_integer(value, 1, 100000, origin, "is not a connection count (1 to 100000)"));
  } else if (key == "max_connections_per_address") {
    config.max_connections_per_address = static_cast<std::size_t>(parse_integer(
        value, 0, 100000, origin, "is not a connection count (0 for no limit, to 100000)"));
  } else if (key == "report_workers") {
    config.report_workers = static_cast<unsigned>(
        parse_integer(value, 1, 64, origin, "is not a number of report workers (1 to 64)"));
  } else if (key == "web_root") {
    std::error_code error;
    if (!value.empty() && !std::filesystem::is_directory(value, error))
      bad_value(origin, value, "is not a directory");
    config.web_root = value;
  } else if (key == "session_idle_minutes") {
    config.session_idle_minutes = static_cast<int>(
        parse_integer(value, 1, 7 * 24 * 60, origin, "is not a number of minutes (1 to 10080)"));
  } else if (key == "secure_cookies") {
    config.secure_cookies = parse_bool(value, origin);
  } else if (key == "trusted_origins") {
    config.trusted_origins = parse_origins(value, origin);
  } else if (key == "tls_certificate" || key == "tls_private_key") {
    // Checked here so a wrong path is reported with its source; whether the file holds a
    // usable certificate or key is checked when the server starts.
    if (!value.empty() && !is_readable_file(value))
      bad_value(origin, value, "is not a readable file");
    (key == "tls_certificate" ? config.tls_certificate : config.tls_private_key) = value;
  } else if (key == "database_url") {
    if (value.empty())
      bad_value(origin, value, "is not a database (a file path, sqlite:PATH or postgresql://…)");
    config.database_url = value;
  } else if (key == "log_file") {
    config.log_file = value;
  } else {
    throw ConfigError(fmt::format("{}: unknown setting; the settings are {}", origin,
                                  fmt::join(config_keys(), ", ")));
  }
}

void apply_config_yaml(ServerConfig& config, const std::string& text, const std::string& source) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw ConfigError(fmt::format("{}: line {}: {}", source, e.mark.line + 1, e.msg));
  }
  if (root.IsNull()) return;  // an empty file changes nothing
  if (!root.IsMap()) throw ConfigError(source + ": expected a mapping of settings");
  for (const auto& entry : root) {
    const auto key = entry.first.Scalar();
    const auto origin = fmt::format("{}: {}", source, key);
    if (std::find(config_keys().begin(), config_keys().end(), key) == config_keys().end())
      apply_setting(config, key, "", origin);  // reports the unknown key
    if (!entry.second.IsScalar() && !entry.second.IsNull())
      throw ConfigError(origin + ": expected a single value");
    apply_setting(config, key, entry.second.IsNull() ? "" : entry.second.Scalar(), origin);
  }
}

void apply_config_file(ServerConfig& config, const std::string& path) {
  apply_config_yaml(config, read_text(path), path);
}

Environment process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (!value) return std::nullopt;
    return std::string(value);
  };
}

void apply_environment(ServerConfig& config, const Environment& environment) {
  for (const auto& key : config_keys()) {
    const auto name = environment_variable(key);
    // An empty variable counts as unset, as it does for $PLANSCORE_DB.
    if (const auto value = environment(name); value && !value->empty())
      apply_setting(config, key, *value, "environment: " + name);
  }
}

ServerConfig resolve_server_config(const ConfigSources& sources, const Environment& environment) {
  ServerConfig config;
  auto file = sources.config_file;
  if (file.empty()) file = environment("PLANSCORE_CONFIG").value_or("");
  if (!file.empty()) apply_config_file(config, file);
  apply_environment(config, environment);
  for (const auto& [key, value] : sources.flags) {
    std::string flag = "--" + key;
    std::replace(flag.begin(), flag.end(), '_', '-');
    apply_setting(config, key, value, "command line: " + flag);
  }
  if (config.tls_certificate.empty() != config.tls_private_key.empty())
    throw ConfigError(
        "tls_certificate and tls_private_key must be given together (HTTPS needs both)");
  return config;
}

}  // namespace planscore::http
