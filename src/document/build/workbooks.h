#pragma once
// The plan's workbook: the 衡量指標 table, the evaluation of every year and the budget
// table as sheets, numbers stored as numbers. Written as XLSX or ODS.
#include <vector>

#include "core/evaluation/evaluation.h"
#include "core/plan/plan.h"
#include "document/model/workbook.h"

namespace planscore::document {

Workbook plan_workbook(const core::Plan& plan,
                       const std::vector<core::YearEvaluation>& evaluations);

// Sets each column's width to fit its widest cell as shown (CJK counted double).
void fit_columns(Sheet& sheet);

}  // namespace planscore::document
