#pragma once
// Printing evaluations: an aligned table for people, CSV for other tools (JSON is
// planfile/evaluation_json.h, shared with the HTTP API).
#include <string>
#include <vector>

#include "core/evaluation/evaluation.h"
#include "core/plan/plan.h"

namespace planscore::cli {

std::string evaluation_table(const core::Plan& plan, const core::YearEvaluation& evaluation);
// The total score per year, side by side, for the all-years view.
std::string trend_table(const core::Plan& plan, const std::vector<core::YearEvaluation>& years);
std::string evaluation_csv(const std::vector<core::YearEvaluation>& years);

}  // namespace planscore::cli
