#pragma once
// The JSON text of evaluations. The evaluation cache hands out the same object until the
// data changes, so its text is kept beside it and each request only copies it.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "core/evaluation/evaluation.h"

namespace planscore::http {

class EvaluationBodies {
 public:
  std::string body(const std::shared_ptr<const core::YearEvaluation>& evaluation);

 private:
  std::mutex mutex_;
  // Keyed by address; the value holds the evaluation, so the address is not reused
  // while its entry lives.
  std::map<const core::YearEvaluation*,
           std::pair<std::shared_ptr<const core::YearEvaluation>, std::string>>
      bodies_;
};

}  // namespace planscore::http
