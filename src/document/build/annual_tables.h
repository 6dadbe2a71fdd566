#pragma once
// The annual report's tables: dimension subtotals, each dimension's indicator results
// with goal subtotals, and each goal's score in every plan year.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/evaluation/evaluation.h"
#include "document/build/annual_report.h"
#include "document/model/document.h"

namespace planscore::document {

Table dimension_summary_table(const core::YearEvaluation& evaluation);
Table indicator_results_table(const core::Plan& plan, const core::Dimension& dimension,
                              const core::YearEvaluation& evaluation,
                              const std::map<std::string, IndicatorReview>& reviews);
// Each goal's score per year, each year's heading marked 已鎖定 or 暫定.
Table goal_history_table(const core::Plan& plan,
                         const std::vector<core::YearEvaluation>& evaluations,
                         const std::set<int>& locked_years);

}  // namespace planscore::document
