#include "service/evaluation_cache.h"

#include "service/evaluation.h"

namespace planscore::service {

std::shared_ptr<const core::YearEvaluation> EvaluationCache::year(store::Store& store,
                                                                  const CurrentPlan& plan,
                                                                  int year) {
  // Read with the plan's version in one query; evaluating may see newer data, which is
  // then cached under an older key for at most one request.
  const std::int64_t data_version = plan.data_version;
  const Key key{plan.plan->id, plan.version, data_version, year};
  {
    std::lock_guard lock(mutex_);
    // Entries of older data versions are never asked for again.
    if (data_version != data_version_) {
      entries_.clear();
      data_version_ = data_version;
    }
    if (auto found = entries_.find(key); found != entries_.end()) return found->second;
  }
  auto evaluation =
      std::make_shared<const core::YearEvaluation>(evaluate_year(store, *plan.plan, year));
  std::lock_guard lock(mutex_);
  if (data_version == data_version_) entries_[key] = evaluation;
  return evaluation;
}

}  // namespace planscore::service
