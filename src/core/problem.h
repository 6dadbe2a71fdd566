#pragma once
// A Problem is one reason an input was rejected, named by where it is.
// Validators and parsers return every problem they find (not just the first) so a
// planner can fix a file in one pass.
#include <map>
#include <string>
#include <vector>

namespace planscore::core {

// A coded problem's particulars ("text" → the cell's text), which its wording quotes.
using ProblemParams = std::map<std::string, std::string>;

struct Problem {
  std::string path;  // e.g. "dimensions[0].goals[3].indicators[1].weight", "row 7, column 日期"
  std::string message;  // what is wrong, in English words a planner understands
  // A stable name for what is wrong (core/problem_catalog.h), by which clients word it in
  // their own language; "invalid" for problems that have only their message so far.
  std::string code = "invalid";
  ProblemParams params{};

  bool operator==(const Problem&) const = default;
};

using Problems = std::vector<Problem>;

// "path: message", or just the message when there is no path.
std::string to_string(const Problem& problem);

}  // namespace planscore::core
