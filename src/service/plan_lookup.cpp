#include "service/plan_lookup.h"

#include "service/failure.h"

namespace planscore::service {

const core::Indicator& require_indicator(const core::Plan& plan, const std::string& indicator_id) {
  const auto* indicator = plan.find_indicator(indicator_id);
  if (indicator == nullptr)
    throw Failure(FailureKind::not_found, "the plan has no indicator \"" + indicator_id + "\"");
  return *indicator;
}

void require_plan_year(const core::Plan& plan, int year) {
  if (year < plan.first_year || year > plan.last_year)
    throw Failure(FailureKind::not_found,
                  std::to_string(year) + " is not a plan year; the plan covers " +
                      std::to_string(plan.first_year) + "–" + std::to_string(plan.last_year));
}

const core::RegisterDef& require_register(const core::Plan& plan, const std::string& register_id) {
  const auto* reg = plan.find_register(register_id);
  if (reg == nullptr) {
    std::string known;
    for (const auto& candidate : plan.registers)
      known += (known.empty() ? "" : ", ") + candidate.id;
    throw Failure(FailureKind::not_found,
                  "unknown register \"" + register_id + "\"; the plan's registers are: " + known);
  }
  return *reg;
}

std::vector<std::string> section_ids(const core::Plan& plan) {
  std::vector<std::string> ids;
  for (const auto& section : plan.sections) ids.push_back(section.id);
  return ids;
}

std::string field_list(const core::RegisterDef& reg) {
  std::string list;
  for (const auto& field : reg.fields)
    list += (list.empty() ? "" : ", ") + field.id + " (" + field.name + ")";
  return list;
}

}  // namespace planscore::service
