#pragma once
// A formula read aloud, for the people who review an indicator: the registers', fields',
// metrics' and constants' names in place of their ids, e.g.
//   sum(records_trainings.participants) → 「文書及檔案管理研習」的「參加人數」合計
#include <optional>
#include <string>

#include "core/language.h"
#include "core/plan/plan.h"

namespace planscore::core::metric {

// The formula in words, or nullopt when it does not parse (validation reports why).
std::optional<std::string> describe_formula(const Plan& plan, const std::string& formula,
                                            Language language);

}  // namespace planscore::core::metric
