#pragma once
// Setting up a new database: the shipped plan with the records it ships with (`init`),
// and for the main job's first start also demo records, so there is something to look
// at, and an administrator with a random password, which the caller shows once.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "service/demo.h"
#include "service/history.h"
#include "service/plans.h"
#include "store/store.h"

namespace planscore::service {

struct ShippedPlanLoad {
  PlanImportResult plan;   // problems: the plan file's, and nothing was written
  HistorySummary history;  // the records from the plan's history folder
};

// Imports the plan (`plan_text`, read from `plan_file`) and the history folder beside it.
ShippedPlanLoad load_shipped_plan(store::Store& store, const std::string& plan_text,
                                  const std::filesystem::path& plan_file);

struct FirstRun {
  std::optional<ShippedPlanLoad> plan;  // when the database had no plan
  std::optional<DemoSummary> demo;      // with it
  std::string admin_password;           // when it had no account: the new "admin"'s
};

// Gives a database what it lacks of the above; `read_plan` is called only when there is
// no plan. A plan with problems stops the set-up there, before any demo record.
FirstRun set_up_first_run(store::Store& store, const std::function<std::string()>& read_plan,
                          const std::filesystem::path& plan_file);

}  // namespace planscore::service
