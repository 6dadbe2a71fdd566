#pragma once
// The plan file: a plan as YAML that planners write and edit by hand.
// The format is described for planners in docs/plan-file.md.
#include <optional>
#include <string>
#include <string_view>

#include "core/plan/plan.h"
#include "core/problem.h"

namespace planscore::planfile {

struct LoadResult {
  std::optional<core::Plan> plan;  // set only when there are no problems
  core::Problems problems;
};

// Reads a plan file. Reports structural problems only — YAML syntax (with line and
// column), wrong types, missing required keys, unknown keys, misspelt enum values — each
// with its path, e.g. "dimensions[0].goals[3].indicators[1].weight". Whether the plan
// makes sense (weights add up, formulas parse) is core validation's job.
// Input over 5 MB or nested deeper than 64 levels is refused with a problem.
LoadResult load_yaml(std::string_view text);

// The canonical file for a plan: load_yaml(to_yaml(plan)).plan == plan, and writing a
// loaded canonical file gives back the same bytes.
std::string to_yaml(const core::Plan& plan);

}  // namespace planscore::planfile
