#pragma once
// The groups of `planscore` commands. Each adds its subcommands to the app, with options
// of its own, and registers a handler for each (commands.h); cli::run calls them all.
namespace CLI {
class App;
}

namespace planscore::cli {

class Commands;

// `init`, `plan import|validate|export`, `demo`: a database's plan and the records that
// come with it (plan_commands.cpp).
void add_plan_commands(CLI::App& app, Commands& commands);

// `record import|add`, `value set`: what sections record, from the console
// (record_commands.cpp).
void add_record_commands(CLI::App& app, Commands& commands);

// `evaluate`: a year's evaluation, or every plan year's with their trend, as a table, JSON
// or CSV (evaluate_command.cpp).
void add_evaluate_command(CLI::App& app, Commands& commands);

// `report …`: the plan document, a year's performance report, the workbook and open-data
// exports, written to a file (by default named after the report, never left half written)
// or stdout (report_command.cpp).
void add_report_command(CLI::App& app, Commands& commands);

// `backup FILE`, `restore FILE`: a consistent copy of the database taken while the server
// keeps running, and putting one back; `db copy --from URL --to URL`: moving a database to
// another backend. Each says what the copy holds (backup_command.cpp).
void add_backup_commands(CLI::App& app, Commands& commands);

// `review YEAR ACTION`, `year lock|unlock YEAR`: a year's review steps in bulk and its lock
// (review_commands.cpp).
void add_review_commands(CLI::App& app, Commands& commands);

// `user add|password|list`: local accounts, managed on the server's console
// (user_commands.cpp).
void add_user_commands(CLI::App& app, Commands& commands);

// `serve`: the HTTP server (web client and JSON API) until SIGTERM or SIGINT, with settings
// from defaults ← --config FILE (or $PLANSCORE_CONFIG) ← $PLANSCORE_* ← flags
// (http/config.h); `run`, the main job, first sets up an empty database; `routes` lists the
// API's routes (serve_command.cpp).
void add_serve_commands(CLI::App& app, Commands& commands);

}  // namespace planscore::cli
