#pragma once
// Every year's evaluation as one CSV table for open data: a row per year and indicator,
// percentages as plain numbers, with a UTF-8 byte-order mark so Excel reads the Chinese.
#include <string>
#include <vector>

#include "core/evaluation/evaluation.h"
#include "core/plan/plan.h"

namespace planscore::document {

inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

std::string evaluation_csv(const core::Plan& plan,
                           const std::vector<core::YearEvaluation>& evaluations);

}  // namespace planscore::document
