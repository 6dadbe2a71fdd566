#pragma once
// `planscore serve`: runs the HTTP server (web client and JSON API) until SIGTERM or SIGINT.
// Settings: defaults ← --config FILE (or $PLANSCORE_CONFIG) ← $PLANSCORE_* ← flags; see
// http/config.h for the keys.
#include <string>
#include <utility>
#include <vector>

namespace CLI {
class App;
}

namespace planscore::cli {

struct ServeOptions {
  std::string config_file;
  // The flags given, as (config key, text) in command-line order; parsed and checked with
  // the other sources by http::resolve_server_config, so every source has the same rules.
  std::vector<std::pair<std::string, std::string>> flags;
};

void add_serve_options(CLI::App& serve_command, ServeOptions& options);

// `database_url` comes from --db or $PLANSCORE_DB and beats the config file's database_url;
// pass "" when neither was given so the config file's (or data/planscore.db) applies.
// Returns the exit code: 0 after a clean shutdown, 2 for a bad setting, 1 when the server
// cannot start (port in use …); the reason is printed on stderr as "error: …".
int run_serve(const std::string& database_url, const ServeOptions& options);

}  // namespace planscore::cli
