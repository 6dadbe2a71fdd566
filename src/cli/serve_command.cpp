#include "cli/serve_command.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <stdexcept>

#include "http/api/api.h"
#include "http/config.h"
#include "http/logging.h"
#include "http/server.h"
#include "service/plans.h"
#include "store/store.h"

namespace planscore::cli {
namespace {

void add_setting(CLI::App& command, ServeOptions& options, const std::string& flag,
                 const std::string& key, const std::string& description) {
  command.add_option_function<std::string>(
      flag, [&options, key](const std::string& value) { options.flags.emplace_back(key, value); },
      description);
}

}  // namespace

void add_serve_options(CLI::App& serve, ServeOptions& options) {
  serve.add_option("--config", options.config_file,
                   "YAML file of settings (default: $PLANSCORE_CONFIG)");
  add_setting(serve, options, "--address", "address",
              "IP address to listen on (default 127.0.0.1)");
  add_setting(serve, options, "--port", "port", "TCP port (default 8080; 0 picks a free one)");
  add_setting(serve, options, "--threads", "threads", "worker threads (default 2 to 16)");
  add_setting(serve, options, "--report-workers", "report_workers",
              "threads for reports and imports (default: half the cores)");
  add_setting(serve, options, "--max-connections-per-address", "max_connections_per_address",
              "connections one client address may hold (default 64; 0: no limit, behind a "
              "reverse proxy)");
  add_setting(serve, options, "--web-root", "web_root", "directory of the web client's files");
  add_setting(serve, options, "--max-body-bytes", "max_body_bytes",
              "largest request body, e.g. 16MiB (default)");
  add_setting(serve, options, "--session-idle-minutes", "session_idle_minutes",
              "sign out after this many idle minutes (default 30)");
  add_setting(serve, options, "--log-file", "log_file", "append the log here (default stderr)");
  add_setting(serve, options, "--trusted-origins", "trusted_origins",
              "origins a reverse proxy serves the web app from, when it passes on another "
              "Host (https://plan.example, comma-separated)");
  add_setting(serve, options, "--tls-certificate", "tls_certificate",
              "serve HTTPS with this PEM certificate (chain); needs --tls-private-key");
  add_setting(serve, options, "--tls-private-key", "tls_private_key",
              "the certificate's unencrypted PEM private key");
  serve.add_flag_function(
      "--secure-cookies",
      [&options](std::int64_t) { options.flags.emplace_back("secure_cookies", "true"); },
      "mark cookies Secure and send HSTS: set when served behind HTTPS");
}

int run_serve(const std::string& database_url, const ServeOptions& options) {
  http::ServerConfig config;
  try {
    config = http::resolve_server_config({options.config_file, options.flags});
  } catch (const http::ConfigError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
  if (!database_url.empty()) config.database_url = database_url;
  if (config.database_url.empty()) config.database_url = "data/planscore.db";

  try {
    http::configure_logging(config.log_file);
    try {
      service::maintain_plan_terms(*store::Store::open(config.database_url));
    } catch (const store::StoreError& e) {
      // A read-only database is still served; its evaluations scan the registers.
      std::cerr << "warning: the plan's maintained totals were not brought up to date: " << e.what()
                << "\n";
    }
    http::ApiOptions api;
    api.database_url = config.database_url;
    api.session_idle_timeout = std::chrono::minutes(config.session_idle_minutes);
    api.secure_cookies = config.https();
    api.trusted_origins = config.trusted_origins;
    const auto router = http::make_api_router(api);
    http::Server server(config, router);
    return server.run();
  } catch (const http::ConfigError& e) {
    // A certificate or key file that cannot be used is a bad setting like any other.
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace planscore::cli
