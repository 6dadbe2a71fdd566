#pragma once
// Type-checking a parsed formula against the registers, constants and metrics of a plan.
#include <functional>
#include <string>
#include <vector>

#include "core/metric/ast.h"
#include "core/problem.h"
#include "core/register/register.h"

namespace planscore::core::metric {

// What a formula may refer to.
struct Scope {
  std::vector<const RegisterDef*> registers;
  std::vector<std::string> constants;
  std::vector<std::string> metrics;  // named metrics a formula may use
};

// Returns every problem: unknown register/field/name, aggregate on a field of the wrong
// type (sum of a text field), `active` on a register that is not an interval register,
// a condition literal that does not fit its field (a string for an integer field, a
// choice value not in the list), an ordering comparison on a yes/no field.
// Each problem's path is "line L, column C" of the offending node.
Problems check(const Expr& expr, const Scope& scope);

}  // namespace planscore::core::metric
