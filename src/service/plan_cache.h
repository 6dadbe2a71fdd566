#pragma once
// The current plan, parsed once per version and shared by every request: reading it
// costs one small query for the version, and the document is parsed only when it changed.
#include <memory>
#include <mutex>

#include "core/plan/plan.h"
#include "store/store.h"

namespace planscore::service {

struct CurrentPlan {
  std::shared_ptr<const core::Plan> plan;
  std::int64_t version = 0;
  std::int64_t data_version = 0;  // the store's data version when the plan was asked for
};

class PlanCache {
 public:
  // Throws Failure(not_found) when the database holds no plan.
  CurrentPlan current(store::Store& store);

 private:
  std::mutex mutex_;
  std::string id_;
  CurrentPlan cached_;
};

}  // namespace planscore::service
