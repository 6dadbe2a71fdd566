#pragma once
// The shipped plan, loaded once, for the document tests.
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/plan/plan.h"
#include "planfile/plan_yaml.h"

namespace planscore::document::testing {

inline const core::Plan& shipped_plan() {
  static const core::Plan plan = [] {
    std::ifstream in(PLANSCORE_SHIPPED_PLAN, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    auto loaded = planfile::load_yaml(text.str());
    if (!loaded.plan) throw std::runtime_error("the shipped plan does not load");
    return *loaded.plan;
  }();
  return plan;
}

}  // namespace planscore::document::testing
