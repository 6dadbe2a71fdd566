#pragma once
// The annual performance report (年度績效報告) of one plan year: the overview, each
// indicator's target, actual, achievement, light, weighted score and review status with
// subtotals, the explanations, and each goal's score over the plan years.
#include <map>
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
  std::vector<core::YearEvaluation> evaluations;   // every plan year, `year` among them
  std::map<std::string, IndicatorReview> reviews;  // indicator id → its review of `year`
  bool locked = false;
  std::string generated_on;  // ISO date printed on the cover
};

// Throws std::invalid_argument when `year` has no evaluation in the input.
Document annual_report(const AnnualReportInput& input);

// 草稿, 已送出, 已初核, 已複核, 退回修正 (the web application's words).
std::string review_state_label(const std::string& state);

}  // namespace planscore::document
