#include "core/metric/evaluate.h"

#include <cmath>

#include "core/metric/overloaded.h"

namespace planscore::core::metric {
namespace {

using Value = std::optional<double>;

// Keeps inf and NaN out of every result, so "no value" is the only way to fail.
Value finite(double value) {
  return std::isfinite(value) ? Value(value) : std::nullopt;
}

Value apply(char op, double left, double right) {
  switch (op) {
    case '+':
      return finite(left + right);
    case '-':
      return finite(left - right);
    case '*':
      return finite(left * right);
    case '/':
      return right == 0 ? std::nullopt : finite(left / right);
  }
  return std::nullopt;
}

// Callbacks may be unset (a caller that only has constants): that is no value, not a crash.
template <class Function, class... Args>
Value ask(const Function& function, const Args&... args) {
  if (!function) return std::nullopt;
  const Value value = function(args...);
  return value ? finite(*value) : std::nullopt;
}

Value evaluate_at(const Expr& expr, YearRange years, const EvaluationContext& context) {
  return std::visit(
      Overloaded{
          [](const Number& number) { return finite(number.value); },
          [&](const NameRef& name) {
            // Constants shadow metrics: the validator forbids sharing a name anyway.
            if (Value constant = ask(context.constant, name.name, years)) return constant;
            return ask(context.metric, name.name, years);
          },
          [&](const Aggregate& aggregate) { return ask(context.aggregate, aggregate, years); },
          [&](const Binary& binary) -> Value {
            const Value left = evaluate_at(*binary.left, years, context);
            if (!left) return std::nullopt;
            const Value right = evaluate_at(*binary.right, years, context);
            if (!right) return std::nullopt;
            return apply(binary.op, *left, *right);
          },
          [&](const Negate& negate) -> Value {
            const Value operand = evaluate_at(*negate.operand, years, context);
            return operand ? Value(-*operand) : std::nullopt;
          },
          [&](const Previous& previous) {
            return evaluate_at(*previous.operand, years.earlier(previous.periods), context);
          },
      },
      expr.node);
}

}  // namespace

std::optional<double> evaluate(const Expr& expr, YearRange years,
                               const EvaluationContext& context) {
  try {
    return evaluate_at(expr, years, context);
  } catch (...) {
    // A failing store or metric callback must not take the whole evaluation down; the
    // indicator simply has no value (white light).
    return std::nullopt;
  }
}

}  // namespace planscore::core::metric
