#include "service/plans.h"

#include <map>
#include <stdexcept>

#include "core/metric/parse.h"
#include "core/plan/validate.h"
#include "planfile/plan_json.h"
#include "planfile/plan_yaml.h"

namespace planscore::service {
namespace {

// Every aggregate each register is asked for, so the store can index for them.
void index_for_formulas(store::Store& store, const core::Plan& plan) {
  std::vector<core::metric::ExprPtr> parsed;  // keeps the terms alive while indexing
  std::map<std::string, std::vector<const core::metric::Aggregate*>> terms_by_register;
  auto add_formula = [&](const std::string& formula) {
    if (formula.empty()) return;
    auto result = core::metric::parse(formula);
    if (!result.expr) return;
    parsed.push_back(result.expr);
    std::vector<const core::metric::Aggregate*> terms;
    core::metric::collect_aggregates(*result.expr, terms);
    for (const auto* term : terms) terms_by_register[term->register_id].push_back(term);
  };
  for (const auto& metric : plan.metrics) add_formula(metric.formula);
  for (const auto& dimension : plan.dimensions)
    for (const auto& goal : dimension.goals)
      for (const auto& indicator : goal.indicators) add_formula(indicator.formula);
  for (const auto& [register_id, terms] : terms_by_register)
    if (const auto* reg = plan.find_register(register_id)) store.ensure_indexes(*reg, terms);
}

}  // namespace

core::Problems validate_plan_text(std::string_view yaml_text) {
  auto loaded = planfile::load_yaml(yaml_text);
  if (!loaded.plan) return loaded.problems;
  return core::validate(*loaded.plan);
}

PlanImportResult import_plan(store::Store& store, std::string_view yaml_text) {
  PlanImportResult result;
  auto loaded = planfile::load_yaml(yaml_text);
  if (!loaded.plan) {
    result.problems = loaded.problems;
    return result;
  }
  const core::Plan& plan = *loaded.plan;
  result.problems = core::validate(plan);
  if (!result.problems.empty()) return result;

  store::Transaction transaction(store);
  result.problems = store.apply_registers(plan.registers);
  if (!result.problems.empty()) return result;  // rolled back by the transaction

  std::int64_t expected_version = 0;
  if (auto existing = store.current_plan(); existing && existing->id == plan.id)
    expected_version = existing->version;
  auto version = store.save_plan(plan.id, plan.name, planfile::to_json(plan), expected_version);
  if (!version) {
    result.problems.push_back({"", "the plan was changed by someone else meanwhile; import again"});
    return result;
  }
  index_for_formulas(store, plan);
  transaction.commit();
  result.plan_id = plan.id;
  result.version = *version;
  return result;
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
