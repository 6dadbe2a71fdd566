#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/install_paths.h"
#include "cli/shipped_plan_output.h"
#include "cli/terminal_io.h"
#include "service/audit.h"
#include "service/demo.h"
#include "service/first_run.h"
#include "service/plans.h"
#include "store/store.h"

namespace planscore::cli {
namespace {

struct PlanOptions {
  std::string plan_file = shipped_plan_file();  // init --plan
  bool with_demo = false;
  std::string path;  // plan import|validate FILE
  std::string export_format = "yaml";
  std::string output;
};

int init(const PlanOptions& options, const Database& database) {
  auto store = database.open();
  if (auto existing = service::current_plan_id(*store))
    throw CommandError(
        fmt::format("{} already holds plan {}; use `planscore plan import FILE` to replace it",
                    database.url, *existing));
  print_shipped_plan_load(
      service::load_shipped_plan(*store, read_plan_file(options.plan_file), options.plan_file),
      options.plan_file);
  if (options.with_demo)
    print_demo_load(service::load_demo(*store, service::require_current_plan(*store)));
  return 0;
}

int import_plan(const PlanOptions& options, const Database& database) {
  auto store = database.open();
  auto result = service::import_plan(*store, read_plan_file(options.path),
                                     service::PlanFormat::yaml, service::system_actor());
  print_plan_import(result, options.path);
  return 0;
}

int validate_plan(const PlanOptions& options) {
  auto problems = service::validate_plan_text(read_plan_file(options.path));
  if (!problems.empty())
    throw CommandError(fmt::format("{} has {} problem(s)", options.path, problems.size()),
                       problems);
  std::cout << options.path << " is a valid plan\n";
  return 0;
}

int export_plan(const PlanOptions& options, const Database& database) {
  auto store = database.open();
  const auto plan = service::require_current_plan(*store);
  write_output(options.output, service::export_plan(plan, options.export_format == "json"
                                                              ? service::PlanFormat::json
                                                              : service::PlanFormat::yaml));
  return 0;
}

int load_demo(const Database& database) {
  auto store = database.open();
  print_demo_load(service::load_demo(*store, service::require_current_plan(*store)));
  return 0;
}

}  // namespace

void add_plan_commands(CLI::App& app, Commands& commands) {
  auto options = std::make_shared<PlanOptions>();

  auto* init_command = app.add_subcommand(
      "init", "create the database and import a plan (the shipped plan by default)");
  init_command->add_option("--plan", options->plan_file, "plan file (YAML)");
  init_command->add_flag("--demo", options->with_demo, "also load the demo records");
  commands.add(init_command, [options](const Database& db) { return init(*options, db); });

  auto* plan = app.add_subcommand("plan", "import, export or validate the plan");
  plan->require_subcommand(1);
  auto* import_command =
      plan->add_subcommand("import", "validate a plan file and make it the current plan");
  import_command->add_option("FILE", options->path, "plan file (YAML)")->required();
  commands.add(import_command, [options](const Database& db) { return import_plan(*options, db); });

  auto* validate_command = plan->add_subcommand("validate", "check a plan file without storing it");
  validate_command->add_option("FILE", options->path, "plan file (YAML)")->required();
  commands.add(validate_command, [options](const Database&) { return validate_plan(*options); });

  auto* export_command = plan->add_subcommand("export", "write the current plan");
  export_command->add_option("--format", options->export_format, "yaml or json")
      ->check(CLI::IsMember({"yaml", "json"}));
  export_command->add_option("-o,--output", options->output,
                             "output file (default: standard output)");
  commands.add(export_command, [options](const Database& db) { return export_plan(*options, db); });

  auto* demo =
      app.add_subcommand("demo", "load the demo records for 104–107 into an empty database");
  commands.add(demo, load_demo);
}

}  // namespace planscore::cli
