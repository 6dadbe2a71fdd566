#pragma once
// The plan's chapters as people read them: every `{{metric years}}` reference in the
// text replaced by the metric's current value over the registers.
#include <vector>

#include "core/plan/plan.h"
#include "store/store.h"

namespace planscore::service {

std::vector<core::Chapter> chapters_with_live_figures(store::Store& store, const core::Plan& plan);

// The plan with its chapters rendered, for the plan document.
core::Plan plan_with_live_figures(store::Store& store, const core::Plan& plan);

}  // namespace planscore::service
