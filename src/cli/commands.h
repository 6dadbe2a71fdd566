#pragma once
// The commands of `planscore`, each a handler registered with its CLI11 subcommand: after
// parsing, the handler of the one given runs. Each group of commands adds its own
// (plan_commands.h, record_commands.h …) and keeps its options to itself.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace CLI {
class App;
}
namespace planscore::store {
class Store;
}

namespace planscore::cli {

// The database a command works on: --db, else $PLANSCORE_DB, else data/planscore.db.
struct Database {
  std::string url;
  bool given = false;  // by --db or $PLANSCORE_DB (serve otherwise takes its configuration's)
  // Opens it, creating an SQLite file (and its folder) that does not exist yet.
  std::unique_ptr<store::Store> open() const;
};

// Runs the command; returns its exit code. Throws CommandError or service::Failure for a
// refusal (exit code 1, printed by cli::run).
using Handler = std::function<int(const Database& database)>;

class Commands {
 public:
  void add(CLI::App* command, Handler handler);
  // The handler of the command given, if one was.
  const Handler* parsed() const;

 private:
  std::vector<std::pair<CLI::App*, Handler>> handlers_;
};

}  // namespace planscore::cli
