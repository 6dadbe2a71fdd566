#include "service/manual_values.h"

#include <cmath>

#include "core/problem_catalog.h"
#include "core/register/record.h"
#include "core/text/plan_number.h"
#include "core/text/shortest_number.h"
#include "planfile/number_text.h"
#include "service/audit.h"
#include "service/failure.h"
#include "service/plan_lookup.h"
#include "service/snapshots.h"
#include "service/text_limits.h"
#include "service/year_locks.h"

namespace planscore::service {
namespace {

const core::Indicator& require_reporter(const core::Plan& plan, const core::Actor& actor,
                                        const std::string& indicator_id) {
  const auto& indicator = require_indicator(plan, indicator_id);
  if (!core::can_report_indicator(actor, indicator.owner_section))
    throw Failure(FailureKind::forbidden, "only the editors of section " + indicator.owner_section +
                                              " may enter values of " + indicator_id);
  return indicator;
}

std::optional<store::ManualValue> stored_value(store::Store& store, const core::Plan& plan,
                                               const std::string& indicator_id, int year) {
  for (auto& value : store.manual_values(plan.id))
    if (value.indicator_id == indicator_id && value.year == year) return value;
  return std::nullopt;
}

core::Problem not_a_stage(const core::Indicator& indicator, const std::string& value) {
  return core::coded_problem("value", "not_a_stage",
                             {{"value", value}, {"stages", core::stage_list(indicator.stages)}});
}

std::string value_object(const std::string& indicator_id, int year) {
  return indicator_id + "/" + std::to_string(year);
}

}  // namespace

store::ManualValue set_manual_value(store::Store& store, const core::Plan& plan,
                                    const core::Actor& actor, const std::string& indicator_id,
                                    int year, double value, const std::string& note,
                                    std::optional<std::int64_t> expected_version) {
  const auto& indicator = require_reporter(plan, actor, indicator_id);
  core::Problems problems;
  if (year < plan.first_year || year > plan.last_year)
    problems.push_back({"year", std::to_string(year) + " is not a plan year (" +
                                    std::to_string(plan.first_year) + "–" +
                                    std::to_string(plan.last_year) + ")"});
  if (!std::isfinite(value)) {
    problems.push_back({"value", "the value is not a number"});
  } else if (std::fabs(value) > core::kMaxFieldMagnitude) {
    // The bound of a register's numbers: a value beyond it is a typo, not a figure.
    problems.push_back({"value", "the value must lie within ±" +
                                     core::format_plan_number(core::kMaxFieldMagnitude) +
                                     ", as any figure"});
  } else if (indicator.kind == core::IndicatorKind::yes_no && value != 0 && value != 1) {
    problems.push_back({"value", "a yes/no indicator takes 1 (yes) or 0 (no)"});
  } else if (indicator.kind == core::IndicatorKind::milestone && !indicator.stage_at(value)) {
    problems.push_back(not_a_stage(indicator, core::shortest_number(value)));
  }
  if (note.find_first_not_of(" \t\r\n") == std::string::npos)
    problems.push_back({"note", "say where the value comes from (a source note)"});
  else if (auto problem = length_problem(note, kMaxNoteCharacters))
    problems.push_back({"note", *problem});
  if (!problems.empty()) throw Failure(FailureKind::invalid, "the value was not stored", problems);

  store::Transaction transaction(store);
  require_unlocked(store, plan, core::YearSpan{year, year}, "the value of " + indicator_id);
  const auto before = stored_value(store, plan, indicator_id, year);
  store::ManualValue after{indicator_id, year, value, note, 0};
  if (expected_version) {
    auto version = store.save_manual_value(plan.id, after, *expected_version);
    if (!version)
      throw Failure(FailureKind::conflict, "the value of " + value_object(indicator_id, year) +
                                               " was changed by someone else since you read it");
    after.version = *version;
  } else {
    after.version = store.set_manual_value(plan.id, after);
  }
  audit(store, actor,
        {"value.set", "value", value_object(indicator_id, year),
         before ? manual_value_snapshot(*before) : "", manual_value_snapshot(after), ""});
  transaction.commit();
  return after;
}

double manual_value_from_text(const core::Plan& plan, const std::string& indicator_id,
                              std::string_view text) {
  const auto& indicator = require_indicator(plan, indicator_id);
  if (const auto* stage = indicator.stage_named(text)) return stage->percent;
  const auto first = text.find_first_not_of(" \t\r\n");
  const std::string trimmed(first == std::string_view::npos
                                ? std::string_view{}
                                : text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
  if (const auto number = planfile::parse_number(trimmed)) return *number;
  if (indicator.kind == core::IndicatorKind::milestone)
    throw Failure(FailureKind::invalid, "the value was not stored",
                  {not_a_stage(indicator, trimmed)});
  throw Failure(FailureKind::invalid, "the value was not stored",
                {{"value", "\"" + trimmed + "\" is not a number"}});
}

void delete_manual_value(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                         const std::string& indicator_id, int year, std::int64_t expected_version) {
  require_reporter(plan, actor, indicator_id);
  store::Transaction transaction(store);
  require_unlocked(store, plan, core::YearSpan{year, year}, "the value of " + indicator_id);
  const auto before = stored_value(store, plan, indicator_id, year);
  if (!before)
    throw Failure(FailureKind::not_found,
                  "no value was entered for " + value_object(indicator_id, year));
  if (!store.delete_manual_value(plan.id, indicator_id, year, expected_version))
    throw Failure(FailureKind::conflict, "the value of " + value_object(indicator_id, year) +
                                             " was changed by someone else since you read it");
  audit(store, actor,
        {"value.delete", "value", value_object(indicator_id, year), manual_value_snapshot(*before),
         "", ""});
  transaction.commit();
}

std::vector<store::ManualValue> manual_values(store::Store& store, const core::Plan& plan,
                                              std::optional<int> year) {
  std::vector<store::ManualValue> values;
  for (auto& value : store.manual_values(plan.id))
    if (!year || value.year == *year) values.push_back(value);
  return values;
}

}  // namespace planscore::service
