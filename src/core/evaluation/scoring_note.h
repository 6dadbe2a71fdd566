#pragma once
// The 計分說明 printed under every year's scores: what the policy did this year (how
// indicators without a value were scored, the cap, whether the total is complete), in the
// reader's language. One wording for the web app (through the API), documents and the CLI.
#include <string>

#include "core/evaluation/evaluation.h"
#include "core/language.h"

namespace planscore::core {

// Needs the evaluation's policy (set by evaluate_year).
std::string scoring_note(const YearEvaluation& evaluation, Language language);

}  // namespace planscore::core
