#pragma once
// What `init`, `plan import`, `demo` and the main job's first start say about the plan and
// records they loaded.
#include <string>

#include "service/first_run.h"

namespace planscore::cli {

// "imported plan ID (version N)"; throws CommandError listing the plan file's problems
// when it was refused (and nothing was imported).
void print_plan_import(const service::PlanImportResult& result, const std::string& plan_file);
// The plan's import and, when it shipped with any, its history's records.
void print_shipped_plan_load(const service::ShippedPlanLoad& load, const std::string& plan_file);
void print_demo_load(const service::DemoSummary& demo);

}  // namespace planscore::cli
