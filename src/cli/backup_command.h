#pragma once
// `planscore backup FILE` and `planscore restore FILE`: a consistent copy of the database
// taken while the server keeps running, and putting one back; `planscore db copy --from
// URL --to URL`: moving a database to another backend. Each is followed by what the copy
// holds so the person sees what was saved.
#include <string>

namespace CLI {
class App;
}

namespace planscore::cli {

struct BackupCommand {
  CLI::App* backup = nullptr;
  CLI::App* restore = nullptr;
  CLI::App* copy = nullptr;  // `db copy`
  std::string file;
  bool force = false;
  std::string from, to;  // database URLs of `db copy`
};

// Adds the commands to `app`; `command` must outlive parsing.
void add_backup_commands(CLI::App& app, BackupCommand& command);
bool backup_command_parsed(const BackupCommand& command);

// Runs the parsed command on the database at `db` (a path, sqlite:PATH or a PostgreSQL
// URL; `db copy` names its own two). Throws
// service::Failure for a refusal, std::exception when the copy fails.
void run_backup_command(const BackupCommand& command, const std::string& db);

}  // namespace planscore::cli
