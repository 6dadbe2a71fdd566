#pragma once
// Plan ↔ DocumentTree: the plan file's schema (key names, which keys are required, what
// each value must be). Shared by the YAML file and the JSON export so both spell every
// key the same way and reject the same mistakes.
#include <optional>

#include "core/plan/plan.h"
#include "core/problem.h"
#include "planfile/document_tree.h"

namespace planscore::planfile {

enum class TreeDetail {
  concise,   // for people: empty texts and lists are left out
  complete,  // for programs: every key present, empty or not
};

TreeNode plan_to_tree(const core::Plan& plan, TreeDetail detail);

// Structural problems only (types, required and unknown keys, enum spellings); the
// plan's meaning is checked by core validation. A plan is returned only when there are
// no problems. With `ignore_computed_keys` the JSON export's computed budget figures
// (period_sum, total, budget_total) are accepted and skipped: they are never read back.
std::optional<core::Plan> plan_from_tree(const TreeNode& root, core::Problems& problems,
                                         bool ignore_computed_keys);

}  // namespace planscore::planfile
