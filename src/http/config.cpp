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

namespace {

constexpr auto kDay = 24ull * 60 * 60;

template <typename Number>
Number integer(const std::string& value, unsigned long long low, unsigned long long high,
               const std::string& origin, const std::string& expected) {
  return static_cast<Number>(parse_integer(value, low, high, origin, expected));
}

std::chrono::seconds seconds(const std::string& value, const std::string& origin) {
  return std::chrono::seconds(
      integer<long long>(value, 1, kDay, origin, "is not a number of seconds (1 to 86400)"));
}

// Checked here so a wrong path is reported with its source; whether the file holds a
// usable certificate or key is checked when the server starts.
std::string readable_file(const std::string& value, const std::string& origin) {
  if (!value.empty() && !is_readable_file(value))
    bad_value(origin, value, "is not a readable file");
  return value;
}

}  // namespace

const std::vector<Setting>& settings() {
  using Config = ServerConfig;
  using Text = const std::string&;
  static const std::vector<Setting> table = {
      {"address", "IP address to listen on (default 127.0.0.1)",
       [](Config& c, Text value, Text origin) {
         if (!is_ip_address(value)) bad_value(origin, value, "is not an IP address or localhost");
         c.address = value;
       }},
      {"port", "TCP port (default 8080; 0 picks a free one)",
       [](Config& c, Text value, Text origin) {
         c.port = integer<std::uint16_t>(value, 0, 65535, origin, "is not a port number");
       }},
      {"threads", "worker threads (default 2 to 16)",
       [](Config& c, Text value, Text origin) {
         c.threads = integer<unsigned>(value, 1, 256, origin, "is not a thread count (1 to 256)");
       }},
      {"max_body_bytes", "largest request body, e.g. 16MiB (default)",
       [](Config& c, Text value, Text origin) { c.max_body_bytes = parse_size(value, 1, origin); }},
      {"max_header_bytes", "",
       [](Config& c, Text value, Text origin) {
         c.max_header_bytes = parse_size(value, 1024, origin);
       }},
      {"read_timeout_seconds", "",
       [](Config& c, Text value, Text origin) { c.read_timeout = seconds(value, origin); }},
      {"request_timeout_seconds", "",
       [](Config& c, Text value, Text origin) { c.request_timeout = seconds(value, origin); }},
      {"max_connections", "",
       [](Config& c, Text value, Text origin) {
         c.max_connections = integer<std::size_t>(value, 1, 100000, origin,
                                                  "is not a connection count (1 to 100000)");
       }},
      {"max_connections_per_address",
       "connections one client address may hold (default 64; 0: no limit, behind a reverse "
       "proxy)",
       [](Config& c, Text value, Text origin) {
         c.max_connections_per_address = integer<std::size_t>(
             value, 0, 100000, origin, "is not a connection count (0 for no limit, to 100000)");
       }},
      {"report_workers", "threads for reports and imports (default: half the cores)",
       [](Config& c, Text value, Text origin) {
         c.report_workers =
             integer<unsigned>(value, 1, 64, origin, "is not a number of report workers (1 to 64)");
       }},
      {"web_root",
       "directory of the web client's files (default: the installed web app, "
       "<prefix>/share/planscore/web)",
       [](Config& c, Text value, Text origin) {
         std::error_code error;
         if (!value.empty() && !std::filesystem::is_directory(value, error))
           bad_value(origin, value, "is not a directory");
         c.web_root = value;
       }},
      {"session_idle_minutes", "sign out after this many idle minutes (default 30)",
       [](Config& c, Text value, Text origin) {
         c.session_idle_minutes =
             integer<int>(value, 1, 7 * 24 * 60, origin, "is not a number of minutes (1 to 10080)");
       }},
      {"secure_cookies", "mark cookies Secure and send HSTS: set when served behind HTTPS",
       [](Config& c, Text value, Text origin) { c.secure_cookies = parse_bool(value, origin); },
       Setting::Flag::switch_on},
      {"trusted_origins",
       "origins a reverse proxy serves the web app from, when it passes on another Host "
       "(https://plan.example, comma-separated)",
       [](Config& c, Text value, Text origin) {
         c.trusted_origins = parse_origins(value, origin);
       }},
      {"tls_certificate", "serve HTTPS with this PEM certificate (chain); needs --tls-private-key",
       [](Config& c, Text value, Text origin) {
         c.tls_certificate = readable_file(value, origin);
       }},
      {"tls_private_key", "the certificate's unencrypted PEM private key",
       [](Config& c, Text value, Text origin) {
         c.tls_private_key = readable_file(value, origin);
       }},
      // The database has the command's own --db, shared by every command.
      {"database_url", "",
       [](Config& c, Text value, Text origin) {
         if (value.empty())
           bad_value(origin, value,
                     "is not a database (a file path, sqlite:PATH or postgresql://…)");
         c.database_url = value;
       }},
      {"log_file", "append the log here (default stderr)",
       [](Config& c, Text value, Text) { c.log_file = value; }},
  };
  return table;
}

const Setting* find_setting(const std::string& key) {
  for (const auto& setting : settings())
    if (setting.key == key) return &setting;
  return nullptr;
}

std::string flag_of(const std::string& key) {
  std::string flag = "--" + key;
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

std::string environment_variable(const std::string& key) {
  if (key == "database_url") return "PLANSCORE_DB";
  std::string name = "PLANSCORE_";
  for (const char c : key) name += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  return name;
}

void apply_setting(ServerConfig& config, const std::string& key, const std::string& value,
                   const std::string& origin) {
  const auto* setting = find_setting(key);
  if (setting == nullptr) {
    std::vector<std::string> keys;
    for (const auto& known : settings()) keys.push_back(known.key);
    throw ConfigError(
        fmt::format("{}: unknown setting; the settings are {}", origin, fmt::join(keys, ", ")));
  }
  setting->apply(config, value, origin);
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
    if (find_setting(key) == nullptr) apply_setting(config, key, "", origin);  // reports it
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
  for (const auto& setting : settings()) {
    const auto name = environment_variable(setting.key);
    // An empty variable counts as unset, as it does for $PLANSCORE_DB.
    if (const auto value = environment(name); value && !value->empty())
      setting.apply(config, *value, "environment: " + name);
  }
}

ServerConfig resolve_server_config(const ConfigSources& sources, const Environment& environment) {
  ServerConfig config;
  auto file = sources.config_file;
  if (file.empty()) file = environment("PLANSCORE_CONFIG").value_or("");
  if (!file.empty()) apply_config_file(config, file);
  apply_environment(config, environment);
  for (const auto& [key, value] : sources.flags)
    apply_setting(config, key, value, "command line: " + flag_of(key));
  if (config.tls_certificate.empty() != config.tls_private_key.empty())
    throw ConfigError(
        "tls_certificate and tls_private_key must be given together (HTTPS needs both)");
  return config;
}

}  // namespace planscore::http
