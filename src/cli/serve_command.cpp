#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/install_paths.h"
#include "cli/shipped_plan_output.h"
#include "cli/terminal_io.h"
#include "http/api/api.h"
#include "http/config.h"
#include "http/logging.h"
#include "http/server.h"
#include "service/first_run.h"
#include "service/plans.h"
#include "store/store.h"

namespace planscore::cli {
namespace {

struct ServeOptions {
  std::string config_file;
  // The flags given, as (config key, text) in command-line order; parsed and checked with
  // the other sources by http::resolve_server_config, so every source has the same rules.
  std::vector<std::pair<std::string, std::string>> flags;
};

void add_serve_options(CLI::App& serve, ServeOptions& options) {
  serve.add_option("--config", options.config_file,
                   "YAML file of settings (default: $PLANSCORE_CONFIG)");
  for (const auto& setting : http::settings()) {
    if (setting.flag_help.empty()) continue;
    const auto flag = http::flag_of(setting.key);
    if (setting.flag == http::Setting::Flag::switch_on) {
      serve.add_flag_function(
          flag,
          [&options, key = setting.key](std::int64_t) { options.flags.emplace_back(key, "true"); },
          setting.flag_help);
    } else {
      serve.add_option_function<std::string>(
          flag,
          [&options, key = setting.key](const std::string& value) {
            options.flags.emplace_back(key, value);
          },
          setting.flag_help);
    }
  }
}

// The main job's first start on an empty database (service::set_up_first_run), said as
// it happens.
void set_up_first_run(const Database& database) {
  auto store = database.open();
  const std::string plan_file = shipped_plan_file();
  if (!service::current_plan_id(*store))
    std::cout << "first run: creating " << database.url
              << " with the shipped plan and demo records\n";
  const auto done = service::set_up_first_run(
      *store, [&plan_file] { return read_plan_file(plan_file); }, plan_file);
  if (done.plan) print_shipped_plan_load(*done.plan, plan_file);
  if (done.demo) print_demo_load(*done.demo);
  if (!done.admin_password.empty()) {
    std::cout << "created the administrator account \"admin\"\n";
    print_new_password(done.admin_password);
  }
  std::cout.flush();
}

// Patterns and methods are ASCII without quotes, so they print as JSON strings as they are.
int print_routes() {
  const auto router = http::make_api_router({});
  std::cout << "[\n";
  const auto& routes = router.routes();
  for (std::size_t i = 0; i < routes.size(); ++i)
    std::cout << fmt::format(
        "  {{\"method\": \"{}\", \"path\": \"{}\", \"needs_session\": {}, \"changes_state\": "
        "{}}}{}\n",
        routes[i].method, routes[i].pattern, routes[i].needs_session, routes[i].changes_state,
        i + 1 < routes.size() ? "," : "");
  std::cout << "]\n";
  return 0;
}

// `database_url` comes from --db or $PLANSCORE_DB and beats the config file's database_url;
// "" when neither was given, so that the config file's (or data/planscore.db) applies.
// Returns the exit code: 0 after a clean shutdown, 2 for a bad setting, 1 when the server
// cannot start (port in use …); the reason is printed on stderr as "error: …".
int run_serve(const std::string& database_url, const ServeOptions& options) {
  http::ServerConfig config;
  try {
    config = http::resolve_server_config({options.config_file, options.flags});
  } catch (const http::ConfigError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
  if (config.web_root.empty()) config.web_root = installed_web_root();
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

}  // namespace

void add_serve_commands(CLI::App& app, Commands& commands) {
  auto options = std::make_shared<ServeOptions>();
  auto* serve = app.add_subcommand("serve", "run the web server and JSON API until SIGTERM");
  add_serve_options(*serve, *options);
  // serve takes its database from the configuration when neither --db nor $PLANSCORE_DB
  // gave one.
  commands.add(
      serve, [options](const Database& db) { return run_serve(db.given ? db.url : "", *options); });

  auto* run = app.add_subcommand(
      "run",
      "the main job: on first use create the database (shipped plan, demo records, an "
      "administrator with a random password), then serve");
  add_serve_options(*run, *options);
  commands.add(run, [options](const Database& db) {
    set_up_first_run(db);
    return run_serve(db.url, *options);
  });

  auto* routes = app.add_subcommand(
      "routes", "list the HTTP API's routes as JSON (for the OpenAPI check and the attack tests)");
  commands.add(routes, [](const Database&) { return print_routes(); });
}

}  // namespace planscore::cli
