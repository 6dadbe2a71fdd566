#include "http/api/evaluation_bodies.h"

#include "http/api/api_call.h"
#include "planfile/evaluation_json_value.h"

namespace planscore::http {
namespace {

// Four plan years and a few stale generations at most; anything older is never asked for.
constexpr std::size_t kMaxBodies = 32;

}  // namespace

std::string EvaluationBodies::body(const std::shared_ptr<const core::YearEvaluation>& evaluation) {
  {
    std::lock_guard lock(mutex_);
    if (auto found = bodies_.find(evaluation.get()); found != bodies_.end())
      return found->second.second;
  }
  std::string text = json_text(planfile::evaluation_to_json(*evaluation));
  std::lock_guard lock(mutex_);
  if (bodies_.size() >= kMaxBodies) bodies_.clear();
  bodies_.emplace(evaluation.get(), std::make_pair(evaluation, text));
  return text;
}

}  // namespace planscore::http
