#include "core/metric/ast.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "core/metric/overloaded.h"

namespace planscore::core::metric {
namespace {

// Binding strength of what an expression prints as, to decide where parentheses go.
enum ExprPrecedence { kSum = 1, kProduct = 2, kUnary = 3, kPrimary = 4 };
enum ConditionPrecedence { kOr = 1, kAnd = 2, kNot = 3, kAtom = 4 };

int precedence(const Expr& expr) {
  if (const auto* binary = std::get_if<Binary>(&expr.node))
    return binary->op == '+' || binary->op == '-' ? kSum : kProduct;
  if (std::holds_alternative<Negate>(expr.node)) return kUnary;
  return kPrimary;
}

int precedence(const Condition& condition) {
  if (std::holds_alternative<Disjunction>(condition.node)) return kOr;
  if (std::holds_alternative<Conjunction>(condition.node)) return kAnd;
  if (std::holds_alternative<Negation>(condition.node)) return kNot;
  return kAtom;
}

// Fixed notation because the language has no exponents; shortest digits that read back
// as the same double, so 0.1 prints as 0.1 and 500.0 as 500.
std::string format_number(double value) {
  if (!std::isfinite(value)) return "0";  // unreachable from parsed trees
  std::array<char, 400> buffer;           // the longest fixed double (5e-324) is ~330 characters
  const auto result =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed);
  return std::string(buffer.data(), result.ptr);
}

std::string quote(const std::string& text) {
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

std::string_view operator_text(CompareOp op) {
  switch (op) {
    case CompareOp::eq:
      return "=";
    case CompareOp::ne:
      return "!=";
    case CompareOp::lt:
      return "<";
    case CompareOp::le:
      return "<=";
    case CompareOp::gt:
      return ">";
    case CompareOp::ge:
      return ">=";
  }
  return "=";
}

// Prints `operand`, in parentheses when it binds looser than `minimum` requires.
std::string operand_text(const Expr& operand, int minimum) {
  const std::string text = to_string(operand);
  return precedence(operand) < minimum ? "(" + text + ")" : text;
}
std::string operand_text(const Condition& operand, int minimum) {
  const std::string text = to_string(operand);
  return precedence(operand) < minimum ? "(" + text + ")" : text;
}

}  // namespace

std::string_view to_string(AggregateFunction function) {
  switch (function) {
    case AggregateFunction::count:
      return "count";
    case AggregateFunction::sum:
      return "sum";
    case AggregateFunction::avg:
      return "avg";
    case AggregateFunction::min:
      return "min";
    case AggregateFunction::max:
      return "max";
    case AggregateFunction::count_distinct:
      return "count_distinct";
    case AggregateFunction::active:
      return "active";
  }
  return "count";
}

std::string Aggregate::key() const {
  std::string text(to_string(function));
  if (to_date) text += "_to_date";
  text += "(" + register_id;
  if (!field.empty()) text += "." + field;
  if (condition) text += " where " + to_string(*condition);
  return text + ")";
}

std::string to_string(const Literal& literal) {
  return std::visit(Overloaded{
                        [](double value) { return format_number(value); },
                        [](const std::string& text) { return quote(text); },
                        [](bool yes) { return std::string(yes ? "yes" : "no"); },
                    },
                    literal);
}

std::string to_string(const Condition& condition) {
  return std::visit(
      Overloaded{
          [](const Comparison& comparison) {
            return comparison.field + " " + std::string(operator_text(comparison.op)) + " " +
                   to_string(comparison.value);
          },
          [](const InList& list) {
            std::string text = list.field + " in (";
            for (std::size_t i = 0; i < list.values.size(); ++i)
              text += (i ? ", " : "") + to_string(list.values[i]);
            return text + ")";
          },
          // Both chains group to the left, so a right operand of equal strength needs
          // parentheses to print back into the same tree.
          [](const Conjunction& both) {
            return operand_text(*both.left, kAnd) + " and " + operand_text(*both.right, kNot);
          },
          [](const Disjunction& either) {
            return operand_text(*either.left, kOr) + " or " + operand_text(*either.right, kAnd);
          },
          [](const Negation& negation) { return "not " + operand_text(*negation.operand, kNot); },
      },
      condition.node);
}

std::string to_string(const Expr& expr) {
  return std::visit(
      Overloaded{
          [](const Number& number) { return format_number(number.value); },
          [](const NameRef& name) { return name.name; },
          [](const Aggregate& aggregate) { return aggregate.key(); },
          [](const Binary& binary) {
            const int strength = binary.op == '+' || binary.op == '-' ? kSum : kProduct;
            return operand_text(*binary.left, strength) + " " + binary.op + " " +
                   operand_text(*binary.right, strength + 1);
          },
          [](const Negate& negate) { return "-" + operand_text(*negate.operand, kUnary); },
          [](const Previous& previous) {
            const std::string periods =
                previous.periods == 1 ? "" : ", " + std::to_string(previous.periods);
            return "previous(" + to_string(*previous.operand) + periods + ")";
          },
      },
      expr.node);
}

void collect_aggregates(const Expr& expr, std::vector<const Aggregate*>& out) {
  std::visit(Overloaded{
                 [&](const Aggregate& aggregate) { out.push_back(&aggregate); },
                 [&](const Binary& binary) {
                   collect_aggregates(*binary.left, out);
                   collect_aggregates(*binary.right, out);
                 },
                 [&](const Negate& negate) { collect_aggregates(*negate.operand, out); },
                 [&](const Previous& previous) { collect_aggregates(*previous.operand, out); },
                 [](const auto&) {},
             },
             expr.node);
}

void collect_names(const Expr& expr, std::vector<std::string>& out) {
  std::visit(Overloaded{
                 [&](const NameRef& name) {
                   if (std::find(out.begin(), out.end(), name.name) == out.end())
                     out.push_back(name.name);
                 },
                 [&](const Binary& binary) {
                   collect_names(*binary.left, out);
                   collect_names(*binary.right, out);
                 },
                 [&](const Negate& negate) { collect_names(*negate.operand, out); },
                 [&](const Previous& previous) { collect_names(*previous.operand, out); },
                 [](const auto&) {},
             },
             expr.node);
}

}  // namespace planscore::core::metric
