#pragma once
// Plan use cases: import a plan file (validated, then stored with its registers and
// indexes in one transaction), read the current plan, export it.
#include <optional>
#include <string>
#include <string_view>

#include "core/access/role.h"
#include "core/plan/plan.h"
#include "core/problem.h"
#include "store/store.h"

namespace planscore::service {

struct PlanImportResult {
  core::Problems problems;  // empty on success
  std::string plan_id;
  std::int64_t version = 0;
  core::Problems warnings;  // of the stored plan (plan_warnings)
};

enum class PlanFormat { yaml, json };

// Loads, validates and stores a plan from YAML or JSON text and makes it current. A plan
// with any problem is never stored: the database is left exactly as it was. With
// `expected_version`, the stored plan of the same id must still be at that version (an
// edit of what the caller read; else Failure(conflict)). Only actors who may edit the
// plan (Failure(forbidden)); the change is audited with the documents before and after.
PlanImportResult import_plan(store::Store& store, std::string_view text, PlanFormat format,
                             const core::Actor& actor,
                             std::optional<std::int64_t> expected_version = std::nullopt);

// Validates plan text without storing anything.
core::Problems validate_plan_text(std::string_view text, PlanFormat format = PlanFormat::yaml);

struct PlanCheck {
  core::Problems problems;  // why the plan cannot be stored
  core::Problems warnings;  // plan_warnings, when it can
};
// Validates plan text against the database without storing anything: what importing it
// would refuse, and what it would warn about given the values already entered.
PlanCheck check_plan_text(store::Store& store, std::string_view text, PlanFormat format);

// Warnings about `plan` given the manual values the database holds for it
// (core::plan_warnings).
core::Problems plan_warnings(store::Store& store, const core::Plan& plan);

// The current plan, or nullopt when the database holds none yet.
std::optional<core::Plan> current_plan(store::Store& store);
// The current plan's id without reading the plan, or nullopt when there is none.
std::optional<std::string> current_plan_id(store::Store& store);

// Brings the indexes and maintained totals of the current plan's aggregate terms up to
// date (a database made by an older version has none; evaluation scans until then).
// Changes nothing when they are. Throws store::StoreError when the database takes no writes.
void maintain_plan_terms(store::Store& store);

// The current plan; throws std::runtime_error with a message telling the user to import
// one when there is none.
core::Plan require_current_plan(store::Store& store);

std::string export_plan(const core::Plan& plan, PlanFormat format);

}  // namespace planscore::service
