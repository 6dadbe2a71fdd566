#pragma once
// The annual performance report (年度績效報告) of one plan year: the overview, each
// indicator's target, actual, achievement, light, weighted score and review status with
// subtotals, the explanations, and each goal's score over the plan years up to this one
// (a later year is still changing, so a report of a year never shows it).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/evaluation/evaluation.h"
#include "core/plan/plan.h"
#include "document/model/document.h"

namespace planscore::document {

struct IndicatorReview {
  std::string state;  // core::ReviewState spelling
  std::string explanation;
};

struct AnnualReportInput {
  const core::Plan* plan = nullptr;
  int year = 0;
  // Plan years, `year` among them; years after `year` are left out of the report.
  std::vector<core::YearEvaluation> evaluations;
  std::map<std::string, IndicatorReview> reviews;  // indicator id → its review of `year`
  std::set<int> locked_years;                      // the others are marked 暫定 (provisional)
  std::string generated_on;                        // ISO date printed on the cover
};

// Throws std::invalid_argument when `year` has no evaluation in the input.
Document annual_report(const AnnualReportInput& input);

// 草稿, 已送出, 已初核, 已複核, 退回修正 (the web application's words).
std::string review_state_label(const std::string& state);

}  // namespace planscore::document
