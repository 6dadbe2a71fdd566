#pragma once
// Parsing formula text into a syntax tree. Pure; safe to call from any thread.
#include <cstddef>
#include <string_view>

#include "core/metric/ast.h"
#include "core/problem.h"

namespace planscore::core::metric {

// Limits that keep a hostile or mistaken formula from exhausting time or stack.
constexpr std::size_t kMaxFormulaBytes = 10'000;
constexpr int kMaxNestingDepth = 100;  // parentheses, unary minus, not, previous, aggregates
// Levels of the syntax tree, a chain of operators (1 + 2 + 3 …, and, or) counting one per
// operator: every walk over the tree recurses this deep, and a metric's evaluation does so
// again for each metric it refers to (plan validation bounds that chain).
constexpr int kMaxTreeHeight = 256;
constexpr int kMaxPreviousYears = 20;  // previous(e, n): n years back at most

struct ParseResult {
  ExprPtr expr;       // null when problems is not empty
  Problems problems;  // path "line L, column C"; message says what was expected
};

// Parses a whole formula. Input longer than 10,000 bytes, nested deeper than 100 levels or
// with a tree taller than 256 is rejected with a problem, never a crash.
ParseResult parse(std::string_view text);

}  // namespace planscore::core::metric
