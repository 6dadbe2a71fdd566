#pragma once
// The plan document (中程施政計畫) from the plan's data, laid out as the seed: cover,
// contents, chapters 壹–伍 with their text, and the parts the system renders from data —
// goals, the 衡量指標 tables, the programme summaries and the 經費總需求表.
#include "core/plan/plan.h"
#include "document/model/document.h"

namespace planscore::document {

Document plan_document(const core::Plan& plan);

}  // namespace planscore::document
