#pragma once
// The plan's two tables as the seed prints them: each dimension's 衡量指標 table (goal
// cells spanning their indicators) and the 經費總需求表 with its computed sums.
#include "core/plan/plan.h"
#include "document/model/document.h"

namespace planscore::document {

Table indicator_table(const core::Plan& plan, const core::Dimension& dimension);
Table budget_table(const core::Plan& plan);

// "(10%)" after a goal's or indicator's name.
std::string weight_suffix(double weight);
// "1. 辦理…", "2.1 積極輔導…": a budget line as the table's first column prints it.
std::string budget_line_label(const core::BudgetLine& line);

}  // namespace planscore::document
