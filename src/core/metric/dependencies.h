#pragma once
// What a formula reads: the registers behind its aggregate terms, through the named
// metrics it uses, so people can see which records an indicator is computed from.
#include <string>
#include <vector>

#include "core/plan/plan.h"

namespace planscore::core::metric {

// Register ids in order of first appearance; empty for an empty or unparsable formula.
std::vector<std::string> registers_read_by(const Plan& plan, const std::string& formula);

}  // namespace planscore::core::metric
