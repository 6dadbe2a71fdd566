#pragma once
// The evaluation as a JSON value, for callers that embed it in a larger document. Includes
// nlohmann-json: only for translation units that already use it.
#include <nlohmann/json.hpp>

#include "core/evaluation/evaluation.h"

namespace planscore::planfile {

nlohmann::json evaluation_to_json(const core::YearEvaluation& evaluation);

}  // namespace planscore::planfile
