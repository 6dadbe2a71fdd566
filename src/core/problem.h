#pragma once
// A Problem is one reason an input was rejected, named by where it is.
// Validators and parsers return every problem they find (not just the first) so a
// planner can fix a file in one pass.
#include <string>
#include <vector>

namespace planscore::core {

struct Problem {
  std::string path;  // e.g. "dimensions[0].goals[3].indicators[1].weight", "row 7, column 日期"
  std::string message;  // what is wrong, in words a planner understands

  bool operator==(const Problem&) const = default;
};

using Problems = std::vector<Problem>;

// "path: message", or just the message when there is no path.
std::string to_string(const Problem& problem);

}  // namespace planscore::core
