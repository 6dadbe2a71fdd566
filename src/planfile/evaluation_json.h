#pragma once
// Evaluations as JSON, the contract other tools read (README, api/openapi.yaml): year,
// total_score, complete, valued_weight, total_weight, scoring_note {zh-TW, en},
// no_value_count, indicators[] (id, goal, dimension, name, weight, kind, unit,
// target, actual, source, note, achievement, capped_achievement, light, score), goals[]
// and dimensions[] (id, name, weight, score).
#include <string>
#include <vector>

#include "core/evaluation/evaluation.h"

namespace planscore::planfile {

std::string evaluation_json(const core::YearEvaluation& evaluation);
std::string evaluations_json(const std::vector<core::YearEvaluation>& years);

}  // namespace planscore::planfile
