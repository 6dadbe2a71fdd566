#include "core/problem.h"

namespace planscore::core {

std::string to_string(const Problem& problem) {
  if (problem.path.empty()) return problem.message;
  return problem.path + ": " + problem.message;
}

}  // namespace planscore::core
