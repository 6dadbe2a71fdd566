#pragma once
// Demo records for the shipped plan: a deterministic, realistic set of records in every
// register for ROC 104–107, chosen so the evaluation shows green, yellow and red lights.
// Same database in, same records out: nothing depends on the clock or on randomness.
#include "core/plan/plan.h"
#include "store/store.h"

namespace planscore::service {

struct DemoSummary {
  int registers = 0;
  int records = 0;
};

// Loads the demo records into the registers of the current plan. Throws
// std::runtime_error when the plan lacks one of the shipped plan's registers, or when
// a register it fills already holds records (demo data goes into empty registers only).
DemoSummary load_demo(store::Store& store, const core::Plan& plan);

}  // namespace planscore::service
