#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/terminal_io.h"
#include "service/agency_time.h"
#include "service/failure.h"

namespace planscore::cli {

int run(int argc, char** argv) {
  CLI::App app{"planscore — mid-term plan performance management (中程施政計畫績效管理)"};
  app.require_subcommand(1);
  const char* env_db = std::getenv("PLANSCORE_DB");
  const bool db_from_environment = env_db && *env_db;
  Database database{db_from_environment ? env_db : "data/planscore.db", db_from_environment};
  auto* db_option =
      app.add_option("--db", database.url,
                     "database: a file path, sqlite:PATH or postgresql://USER@HOST/DB (default "
                     "data/planscore.db or $PLANSCORE_DB)");

  const char* env_zone = std::getenv("PLANSCORE_TIME_ZONE");
  std::string zone = env_zone && *env_zone ? env_zone : service::kDefaultTimeZone;
  app.add_option("--time-zone", zone,
                 "the agency's time zone, for the dates printed as today (default Asia/Taipei "
                 "or $PLANSCORE_TIME_ZONE)");

  Commands commands;
  add_plan_commands(app, commands);
  add_record_commands(app, commands);
  add_evaluate_command(app, commands);
  add_report_command(app, commands);
  add_backup_commands(app, commands);
  add_review_commands(app, commands);
  add_user_commands(app, commands);
  add_serve_commands(app, commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "error: " << e.what() << "\nRun `planscore --help` for usage.\n";
    return 2;
  }
  database.given = database.given || db_option->count() > 0;
  try {
    service::use_time_zone(zone);  // before the server starts any thread
  } catch (const std::invalid_argument& e) {
    std::cerr << "error: --time-zone: " << e.what() << "\n";
    return 2;
  }

  const Handler* handler = commands.parsed();
  if (handler == nullptr) {
    std::cerr << "error: no command given\nRun `planscore --help` for usage.\n";
    return 2;
  }
  try {
    return (*handler)(database);
  } catch (const CommandError& e) {
    print_error(e.what(), e.problems);
    return 1;
  } catch (const service::Failure& e) {
    print_error(e.what(), e.problems);
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace planscore::cli
