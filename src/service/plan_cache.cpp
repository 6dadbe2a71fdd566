#include "service/plan_cache.h"

#include "service/failure.h"
#include "service/plans.h"

namespace planscore::service {

CurrentPlan PlanCache::current(store::Store& store) {
  const auto stored = store.current_plan_version();
  if (!stored)
    throw Failure(FailureKind::not_found,
                  "the database holds no plan yet; a planner must import one first");
  {
    std::lock_guard lock(mutex_);
    if (cached_.plan && id_ == stored->id && cached_.version == stored->version) {
      CurrentPlan current = cached_;
      current.data_version = stored->data_version;
      return current;
    }
  }
  // Parsed outside the lock; two threads may both parse a new version, and either result
  // is the same plan.
  auto plan = current_plan(store);
  if (!plan) throw Failure(FailureKind::not_found, "the database holds no plan yet");
  CurrentPlan fresh{std::make_shared<const core::Plan>(std::move(*plan)), stored->version,
                    stored->data_version};
  std::lock_guard lock(mutex_);
  id_ = stored->id;
  cached_ = fresh;
  return fresh;
}

}  // namespace planscore::service
