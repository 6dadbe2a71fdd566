#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/evaluation_output.h"
#include "cli/terminal_io.h"
#include "planfile/evaluation_json.h"
#include "service/evaluation.h"
#include "service/plan_lookup.h"
#include "service/plans.h"
#include "store/store.h"

namespace planscore::cli {
namespace {

struct EvaluateOptions {
  std::optional<int> year;
  std::string format = "table";
  std::string output;  // empty: standard output
};

int evaluate(const EvaluateOptions& options, const Database& database) {
  auto store = database.open();
  const auto plan = service::require_current_plan(*store);
  std::vector<core::YearEvaluation> years;
  if (options.year) {
    service::require_plan_year(plan, *options.year);
    years.push_back(service::evaluate_year(*store, plan, *options.year));
  } else {
    years = service::evaluate_all_years(*store, plan);
  }
  std::string text;
  if (options.format == "json") {
    text =
        options.year ? planfile::evaluation_json(years.front()) : planfile::evaluations_json(years);
  } else if (options.format == "csv") {
    text = evaluation_csv(years);
  } else {
    for (const auto& evaluation : years) text += evaluation_table(plan, evaluation) + "\n";
    if (years.size() > 1) text += trend_table(plan, years);
  }
  write_output(options.output, text);
  return 0;
}

}  // namespace

void add_evaluate_command(CLI::App& app, Commands& commands) {
  auto options = std::make_shared<EvaluateOptions>();
  auto* command =
      app.add_subcommand("evaluate", "evaluate the current plan for a year, or every plan year");
  command->add_option("--year", options->year, "ROC year (default: every plan year)");
  command->add_option("--format", options->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  command->add_option("-o,--output", options->output, "output file (default: standard output)");
  commands.add(command, [options](const Database& db) { return evaluate(*options, db); });
}

}  // namespace planscore::cli
