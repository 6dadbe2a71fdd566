#include "service/plans.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "core/evaluation/year_changes.h"
#include "core/metric/plan_terms.h"
#include "core/plan/validate.h"
#include "core/plan/warnings.h"
#include "core/problem_catalog.h"
#include "planfile/plan_json.h"
#include "planfile/plan_yaml.h"
#include "service/audit.h"
#include "service/evaluation.h"
#include "service/failure.h"

namespace planscore::service {
namespace {

// Every aggregate each register is asked for, so the store can index for them and keep
// their totals up to date.
void prepare_terms(store::Store& store, const core::Plan& plan) {
  const core::metric::PlanTerms plan_terms(plan);
  // count(register) too, for every register: it says whether a register holds records in
  // a year, which every evaluation asks.
  std::vector<core::metric::Aggregate> counts;
  counts.reserve(plan.registers.size());
  for (const core::RegisterDef& reg : plan.registers) {
    std::vector<const core::metric::Aggregate*> terms = plan_terms.of_register(reg.id);
    store.ensure_indexes(reg, terms);
    counts.push_back(store::record_count_term(reg.id));
    terms.push_back(&counts.back());
    store.maintain_terms(reg, terms);
  }
}

planfile::LoadResult load_plan(std::string_view text, PlanFormat format) {
  return format == PlanFormat::json ? planfile::load_json(text) : planfile::load_yaml(text);
}

// The locked years' evaluations under the plan in force, to hold a replacement to.
struct LockedYears {
  core::Plan plan_in_force;
  std::vector<core::YearEvaluation> evaluations;
};

LockedYears evaluate_locked_years(store::Store& store, const std::string& plan_id) {
  LockedYears locked;
  const auto locks = store.year_locks(plan_id);
  if (locks.empty()) return locked;
  locked.plan_in_force = require_current_plan(store);
  for (const auto& lock : locks)
    locked.evaluations.push_back(evaluate_year(store, locked.plan_in_force, lock.year));
  return locked;
}

// A locked year evaluates, reports and exports exactly as it was locked: a new version of
// the plan that would change any figure of a locked year is refused, naming each figure.
void refuse_changes_to_locked_years(store::Store& store, const LockedYears& locked,
                                    const core::Plan& proposed) {
  core::Problems changes;
  std::vector<std::string> years;
  const auto proposed_years = proposed.years();
  for (const auto& before : locked.evaluations) {
    core::Problems year_problems;
    if (std::find(proposed_years.begin(), proposed_years.end(), before.year) ==
        proposed_years.end()) {
      year_problems.push_back(core::coded_problem("years." + std::to_string(before.year),
                                                  "locked_year_outside_plan",
                                                  {{"year", std::to_string(before.year)}}));
    } else {
      year_problems = core::year_changes(before, evaluate_year(store, proposed, before.year));
    }
    if (year_problems.empty()) continue;
    years.push_back(std::to_string(before.year));
    changes.insert(changes.end(), year_problems.begin(), year_problems.end());
  }
  if (changes.empty()) return;
  std::string named;
  for (const auto& year : years) named += (named.empty() ? "" : ", ") + year;
  throw Failure(FailureKind::locked,
                "the plan change would alter locked year(s) " + named +
                    ", which must stay as they were locked; an administrator must unlock them "
                    "first",
                std::move(changes));
}

}  // namespace

core::Problems validate_plan_text(std::string_view text, PlanFormat format) {
  auto loaded = load_plan(text, format);
  if (!loaded.plan) return loaded.problems;
  return core::validate(*loaded.plan);
}

core::Problems plan_warnings(store::Store& store, const core::Plan& plan) {
  std::set<std::string> with_values;
  for (const auto& value : store.manual_values(plan.id)) with_values.insert(value.indicator_id);
  return core::plan_warnings(plan, with_values);
}

PlanCheck check_plan_text(store::Store& store, std::string_view text, PlanFormat format) {
  auto loaded = load_plan(text, format);
  if (!loaded.plan) return {loaded.problems, {}};
  auto problems = core::validate(*loaded.plan);
  if (!problems.empty()) return {std::move(problems), {}};
  return {{}, plan_warnings(store, *loaded.plan)};
}

PlanImportResult import_plan(store::Store& store, std::string_view text, PlanFormat format,
                             const core::Actor& actor,
                             std::optional<std::int64_t> expected_version) {
  if (!core::can_edit_plan(actor))
    throw Failure(FailureKind::forbidden, "only planners and administrators may change the plan");
  PlanImportResult result;
  auto loaded = load_plan(text, format);
  if (!loaded.plan) {
    result.problems = loaded.problems;
    return result;
  }
  const core::Plan& plan = *loaded.plan;
  result.problems = core::validate(plan);
  if (!result.problems.empty()) return result;

  const auto existing = store.current_plan();
  const bool same_plan = existing && existing->id == plan.id;
  const LockedYears locked = same_plan ? evaluate_locked_years(store, plan.id) : LockedYears{};

  store::Transaction transaction(store);
  result.problems = store.apply_registers(plan.registers);
  if (!result.problems.empty()) return result;  // rolled back by the transaction

  const std::int64_t stored_version = same_plan ? existing->version : 0;
  if (expected_version && *expected_version != stored_version)
    throw Failure(FailureKind::conflict,
                  "the plan was changed by someone else since you read it (you have version " +
                      std::to_string(*expected_version) + ", it is at " +
                      std::to_string(stored_version) + ")");
  const std::string document = planfile::to_json(plan);
  auto version = store.save_plan(plan.id, plan.name, document, stored_version);
  if (!version)
    throw Failure(FailureKind::conflict,
                  "the plan was changed by someone else meanwhile; try again");
  prepare_terms(store, plan);
  refuse_changes_to_locked_years(store, locked, plan);  // rolled back by the transaction
  audit(store, actor,
        {expected_version ? "plan.update" : "plan.import", "plan", plan.id,
         existing ? existing->document : "", document, ""});
  transaction.commit();
  result.plan_id = plan.id;
  result.version = *version;
  result.warnings = plan_warnings(store, plan);
  return result;
}

void maintain_plan_terms(store::Store& store) {
  const auto plan = current_plan(store);
  if (!plan) return;
  store::Transaction transaction(store);
  prepare_terms(store, *plan);
  transaction.commit();
}

std::optional<std::string> current_plan_id(store::Store& store) {
  auto stored = store.current_plan();
  if (!stored) return std::nullopt;
  return stored->id;
}

std::optional<core::Plan> current_plan(store::Store& store) {
  auto stored = store.current_plan();
  if (!stored) return std::nullopt;
  auto loaded = planfile::load_json(stored->document);
  if (!loaded.plan) {
    std::string message = "the stored plan \"" + stored->id + "\" cannot be read";
    if (!loaded.problems.empty()) message += ": " + core::to_string(loaded.problems.front());
    throw std::runtime_error(message);
  }
  return loaded.plan;
}

core::Plan require_current_plan(store::Store& store) {
  auto plan = current_plan(store);
  if (!plan)
    throw std::runtime_error(
        "the database holds no plan yet; run `planscore init` or `planscore plan import FILE`");
  return *plan;
}

std::string export_plan(const core::Plan& plan, PlanFormat format) {
  return format == PlanFormat::json ? planfile::to_json(plan) : planfile::to_yaml(plan);
}

}  // namespace planscore::service
