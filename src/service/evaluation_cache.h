#pragma once
// Evaluations shared by every request until something they read changes: keyed by the
// plan's version and the store's data version, so a saved record (from this server or
// another on the same database) is reflected on the next request.
#include <map>
#include <memory>
#include <mutex>
#include <tuple>

#include "core/evaluation/evaluation.h"
#include "service/plan_cache.h"
#include "store/store.h"

namespace planscore::service {

class EvaluationCache {
 public:
  // `plan` as PlanCache::current just gave it (its data_version is the key).
  std::shared_ptr<const core::YearEvaluation> year(store::Store& store, const CurrentPlan& plan,
                                                   int year);

 private:
  using Key = std::tuple<std::string, std::int64_t, std::int64_t, int>;
  std::mutex mutex_;
  std::int64_t data_version_ = -1;
  std::map<Key, std::shared_ptr<const core::YearEvaluation>> entries_;
};

}  // namespace planscore::service
