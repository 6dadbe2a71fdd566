#pragma once
// The plan as JSON: the machine export other tools read, and the form the database stores.
// Same keys as the plan file (docs/plan-file.md), every key always present, plus the
// computed budget figures: `period_sum` and `total` on each budget line and a top-level
// `budget_total` (prior, years, after, period_sum, total). Computed keys are ignored on load.
#include <string>
#include <string_view>

#include "core/plan/plan.h"
#include "planfile/plan_yaml.h"

namespace planscore::planfile {

std::string to_json(const core::Plan& plan);
// Structural checks as load_yaml; positions are not reported (JSON has one line).
LoadResult load_json(std::string_view text);

}  // namespace planscore::planfile
