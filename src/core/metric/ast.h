#pragma once
// The metric language's syntax tree. A formula is an arithmetic expression whose leaves
// are numbers, named constants (baselines), named metrics, and aggregates over a
// register; `previous(e)` evaluates e in the year before. Trees are immutable and shared.
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace planscore::core::metric {

// Where a node starts in the formula text: 1-based line and column (in characters,
// not bytes, so positions are right for Chinese text).
struct SourcePosition {
  int line = 1;
  int column = 1;
  bool operator==(const SourcePosition&) const = default;
};

// A literal in a condition: a number, a string ("文書"), or yes/no.
using Literal = std::variant<double, std::string, bool>;

enum class CompareOp { eq, ne, lt, le, gt, ge };

struct Condition;
using ConditionPtr = std::shared_ptr<const Condition>;

struct Comparison {
  std::string field;
  CompareOp op = CompareOp::eq;
  Literal value;
};
struct InList {
  std::string field;
  std::vector<Literal> values;
};
struct Conjunction {
  ConditionPtr left, right;
};
struct Disjunction {
  ConditionPtr left, right;
};
struct Negation {
  ConditionPtr operand;
};

struct Condition {
  std::variant<Comparison, InList, Conjunction, Disjunction, Negation> node;
  SourcePosition position;
};

enum class AggregateFunction {
  count,           // records (field optional: counts records where the field is set)
  sum,             // numeric field
  avg,             // numeric field; no value over no records
  min,             // numeric or date field; no value over no records
  max,             // numeric or date field; no value over no records
  count_distinct,  // distinct non-empty values of a field
  active,          // interval registers: entries active on the last day of the year
  // The `_to_date` spellings (count_to_date, sum_to_date …) set Aggregate::to_date.
};

std::string_view to_string(AggregateFunction function);

// One aggregate term: function(register.field where condition), scoped to a year by the
// register's time basis.
struct Aggregate {
  AggregateFunction function = AggregateFunction::count;
  std::string register_id;
  std::string field;       // empty for count/active without a field
  ConditionPtr condition;  // null when there is no `where`
  // Over every record up to the end of the year instead of the year alone
  // (count_distinct_to_date(language_certificates.employee)).
  bool to_date = false;
  SourcePosition position;

  // A canonical text of the term, equal for equal terms; used to share one query
  // between formulas and as the key of a cached or maintained value.
  std::string key() const;
};

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

struct Number {
  double value = 0;
};
struct NameRef {  // a plan constant (baseline) or a named metric, resolved by the checker
  std::string name;
};
struct Binary {
  char op = '+';  // + - * /
  ExprPtr left, right;
};
struct Negate {
  ExprPtr operand;
};
// The operand's value `periods` years before the evaluated year — or, for a span of
// years, that many spans of the same length before it.
struct Previous {
  ExprPtr operand;
  int periods = 1;
};

struct Expr {
  std::variant<Number, NameRef, Aggregate, Binary, Negate, Previous> node;
  SourcePosition position;
};

// Canonical text of an expression or condition (round-trips through the parser).
std::string to_string(const Expr& expr);
std::string to_string(const Condition& condition);
std::string to_string(const Literal& literal);

// Every aggregate term in the expression, in order of appearance (with repeats).
void collect_aggregates(const Expr& expr, std::vector<const Aggregate*>& out);
// Every name the expression refers to.
void collect_names(const Expr& expr, std::vector<std::string>& out);

}  // namespace planscore::core::metric
