#pragma once
// How `planscore serve` runs. Settings come from four sources, each overriding the one
// before: the defaults below ← a YAML file (--config or $PLANSCORE_CONFIG) ← environment
// variables ($PLANSCORE_PORT …) ← command-line flags (--port …). Every source names
// settings by the same keys and parses them by the same rules, and a bad value is reported
// with its source and key: "config.yaml: port: 'abc' is not a port number".
//
// HTTPS: give tls_certificate (PEM, the server's certificate followed by any intermediates)
// and tls_private_key (PEM, unencrypted) together; the server then speaks only TLS on its
// port, and cookies are Secure and HSTS is sent as with secure_cookies.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planscore::http {

// Between 2 and 16: handlers block on the database, so a few threads keep one slow request
// from holding up the rest, and more than 16 mostly contend for SQLite.
unsigned default_thread_count();
// Half the cores, at least 1 and at most 8: reports use the CPU (PDF layout) and the
// database, and the request threads need their share.
unsigned default_report_workers();

struct ServerConfig {                             // key
  std::string address = "127.0.0.1";              // address (IPv4, IPv6 or localhost)
  std::uint16_t port = 8080;                      // port; 0 picks a free one
  unsigned threads = default_thread_count();      // threads
  std::size_t max_body_bytes = 16 * 1024 * 1024;  // max_body_bytes: "16MiB" or 16777216
  std::size_t max_header_bytes = 16 * 1024;       // max_header_bytes: URL and each field
  std::chrono::seconds read_timeout{30};          // read_timeout_seconds: send a request
  std::chrono::seconds request_timeout{60};       // request_timeout_seconds: see server.h
  std::size_t max_connections = 512;              // max_connections
  // A browser opens up to 6; an office behind one NAT address opens more. 0: no limit
  // (behind a reverse proxy, which comes from one address and limits its clients itself).
  std::size_t max_connections_per_address = 64;  // max_connections_per_address
  // Reports and imports run on these, never on the request threads, so a few long
  // downloads cannot hold up everyone else; more wait in a short queue, and past it are
  // answered 503 with Retry-After.
  unsigned report_workers = default_report_workers();  // report_workers
  std::string web_root;                                // web_root; empty: no static files
  int session_idle_minutes = 30;                       // session_idle_minutes
  bool secure_cookies = false;                         // secure_cookies: behind TLS
  // trusted_origins: origins whose pages may send changes besides the server's own, for a
  // reverse proxy that passes on another Host than the browser's ("https://plan.example,
  // https://plan.example:8443"; comma- or space-separated). Kept normalized.
  std::vector<std::string> trusted_origins;
  std::string tls_certificate;  // tls_certificate: PEM file; empty: HTTP
  std::string tls_private_key;  // tls_private_key: PEM file
  std::string database_url;     // database_url ($PLANSCORE_DB)
  std::string log_file;         // log_file; empty: stderr

  bool tls() const { return !tls_certificate.empty(); }
  // Cookies Secure and HSTS sent: served over TLS, by this server or a proxy in front.
  bool https() const { return secure_cookies || tls(); }
};

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One setting: its key (the YAML key; the environment variable and the flag follow from
// it), how `serve --help` describes its flag, and how its text is read into the config.
struct Setting {
  enum class Flag {
    value,      // --key-name VALUE, when it has a description
    switch_on,  // --key-name alone sets "true"
  };
  std::string key;
  std::string flag_help;  // empty: no flag (the config file and environment only)
  void (*apply)(ServerConfig& config, const std::string& value, const std::string& origin);
  Flag flag = Flag::value;
};

// Every setting, in the order of ServerConfig: the one table the config file, the
// environment and the command line all read.
const std::vector<Setting>& settings();
const Setting* find_setting(const std::string& key);

// "max_body_bytes" → "--max-body-bytes".
std::string flag_of(const std::string& key);

// "port" → "PLANSCORE_PORT"; "database_url" → "PLANSCORE_DB", as the other commands use.
std::string environment_variable(const std::string& key);

// Sets one setting from its text. `origin` says where it came from for error messages
// ("config.yaml: port", "environment: PLANSCORE_PORT", "command line: --port"). Throws
// ConfigError for an unknown key or a bad value.
void apply_setting(ServerConfig& config, const std::string& key, const std::string& value,
                   const std::string& origin);

// A YAML mapping of keys to scalars; `source` names it in errors. Unknown keys are errors,
// so a misspelt setting is not silently ignored.
void apply_config_yaml(ServerConfig& config, const std::string& text, const std::string& source);
void apply_config_file(ServerConfig& config, const std::string& path);

// Looks up an environment variable; the process's environment by default, a map in tests.
using Environment = std::function<std::optional<std::string>(const std::string& name)>;
Environment process_environment();
void apply_environment(ServerConfig& config, const Environment& environment);

struct ConfigSources {
  std::string config_file;                                 // empty: $PLANSCORE_CONFIG, if set
  std::vector<std::pair<std::string, std::string>> flags;  // key, value; applied in order
};

// Defaults ← file ← environment ← flags. Throws ConfigError when only one of
// tls_certificate and tls_private_key is set.
ServerConfig resolve_server_config(const ConfigSources& sources,
                                   const Environment& environment = process_environment());

}  // namespace planscore::http
