#pragma once
// Plan use cases: import a plan file (validated, then stored with its registers and
// indexes in one transaction), read the current plan, export it.
#include <optional>
#include <string>
#include <string_view>

#include "core/plan/plan.h"
#include "core/problem.h"
#include "store/store.h"

namespace planscore::service {

struct PlanImportResult {
  core::Problems problems;  // empty on success; then nothing else is needed
  std::string plan_id;
  std::int64_t version = 0;
};

// Loads, validates and stores a plan from YAML text and makes it current. A plan with
// any problem is never stored: the database is left exactly as it was.
PlanImportResult import_plan(store::Store& store, std::string_view yaml_text);

// Validates YAML text without storing anything.
core::Problems validate_plan_text(std::string_view yaml_text);

// The current plan, or nullopt when the database holds none yet.
std::optional<core::Plan> current_plan(store::Store& store);

// The current plan; throws std::runtime_error with a message telling the user to import
// one when there is none.
core::Plan require_current_plan(store::Store& store);

enum class PlanFormat { yaml, json };
std::string export_plan(const core::Plan& plan, PlanFormat format);

}  // namespace planscore::service
