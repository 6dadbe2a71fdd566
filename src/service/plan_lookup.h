#pragma once
// Looking up what a request names in the plan, with the refusal people read when it is
// not there.
#include <string>
#include <vector>

#include "core/plan/plan.h"

namespace planscore::service {

// Throws Failure(not_found) for an unknown indicator.
const core::Indicator& require_indicator(const core::Plan& plan, const std::string& indicator_id);
// Throws Failure(not_found) for a year outside the plan.
void require_plan_year(const core::Plan& plan, int year);
// Throws Failure(not_found) listing the plan's registers.
const core::RegisterDef& require_register(const core::Plan& plan, const std::string& register_id);

// The plan's section ids, which section fields accept.
std::vector<std::string> section_ids(const core::Plan& plan);
// "id (name), …" of the register's fields, for refusals that name an unknown field.
std::string field_list(const core::RegisterDef& reg);

}  // namespace planscore::service
