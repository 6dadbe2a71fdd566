#include "cli/shipped_plan_output.h"

#include <fmt/format.h>

#include <iostream>

#include "cli/terminal_io.h"

namespace planscore::cli {

void print_plan_import(const service::PlanImportResult& result, const std::string& plan_file) {
  if (!result.problems.empty())
    throw CommandError(fmt::format("{} has {} problem(s); nothing was imported", plan_file,
                                   result.problems.size()),
                       result.problems);
  std::cout << fmt::format("imported plan {} (version {})\n", result.plan_id, result.version);
  for (const auto& warning : result.warnings)
    std::cout << "warning: " << core::to_string(warning) << "\n";
}

void print_shipped_plan_load(const service::ShippedPlanLoad& load, const std::string& plan_file) {
  print_plan_import(load.plan, plan_file);
  if (load.history.files > 0)
    std::cout << fmt::format("loaded {} earlier records from {} history file(s)\n",
                             load.history.records, load.history.files);
}

void print_demo_load(const service::DemoSummary& demo) {
  std::cout << fmt::format("loaded {} demo records into {} registers\n", demo.records,
                           demo.registers);
}

}  // namespace planscore::cli
