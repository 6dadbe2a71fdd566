#include <gtest/gtest.h>

#include <string>

#include "core/metric/ast.h"
#include "core/metric/parse.h"
#include "metric_shipped_scope.h"

namespace planscore::core::metric {
namespace {

// Structural equality, ignoring positions (a reprinted formula has different columns).
bool same(const ConditionPtr& a, const ConditionPtr& b);
bool same(const Condition& a, const Condition& b) {
  if (a.node.index() != b.node.index()) return false;
  if (const auto* x = std::get_if<Comparison>(&a.node)) {
    const auto& y = std::get<Comparison>(b.node);
    return x->field == y.field && x->op == y.op && x->value == y.value;
  }
  if (const auto* x = std::get_if<InList>(&a.node)) {
    const auto& y = std::get<InList>(b.node);
    return x->field == y.field && x->values == y.values;
  }
  if (const auto* x = std::get_if<Conjunction>(&a.node)) {
    const auto& y = std::get<Conjunction>(b.node);
    return same(x->left, y.left) && same(x->right, y.right);
  }
  if (const auto* x = std::get_if<Disjunction>(&a.node)) {
    const auto& y = std::get<Disjunction>(b.node);
    return same(x->left, y.left) && same(x->right, y.right);
  }
  return same(std::get<Negation>(a.node).operand, std::get<Negation>(b.node).operand);
}
bool same(const ConditionPtr& a, const ConditionPtr& b) {
  if (!a || !b) return !a && !b;
  return same(*a, *b);
}

bool same(const Expr& a, const Expr& b) {
  if (a.node.index() != b.node.index()) return false;
  if (const auto* x = std::get_if<Number>(&a.node))
    return x->value == std::get<Number>(b.node).value;
  if (const auto* x = std::get_if<NameRef>(&a.node))
    return x->name == std::get<NameRef>(b.node).name;
  if (const auto* x = std::get_if<Aggregate>(&a.node)) {
    const auto& y = std::get<Aggregate>(b.node);
    return x->function == y.function && x->register_id == y.register_id && x->field == y.field &&
           x->to_date == y.to_date && same(x->condition, y.condition);
  }
  if (const auto* x = std::get_if<Binary>(&a.node)) {
    const auto& y = std::get<Binary>(b.node);
    return x->op == y.op && same(*x->left, *y.left) && same(*x->right, *y.right);
  }
  if (const auto* x = std::get_if<Negate>(&a.node))
    return same(*x->operand, *std::get<Negate>(b.node).operand);
  return same(*std::get<Previous>(a.node).operand, *std::get<Previous>(b.node).operand);
}

ExprPtr parse_ok(std::string_view text) {
  auto result = parse(text);
  EXPECT_TRUE(result.problems.empty())
      << text << " → " << (result.problems.empty() ? "" : to_string(result.problems[0]));
  EXPECT_EQ(result.expr != nullptr, result.problems.empty());
  return result.expr;
}

std::string canonical(std::string_view text) {
  const auto expr = parse_ok(text);
  return expr ? to_string(*expr) : "<parse failed>";
}

// The first problem's "path: message".
std::string first_problem(std::string_view text) {
  const auto result = parse(text);
  EXPECT_EQ(result.expr, nullptr) << text;
  return result.problems.empty() ? "<no problem>" : to_string(result.problems[0]);
}

void expect_round_trip(std::string_view text) {
  const auto first = parse_ok(text);
  ASSERT_TRUE(first);
  const std::string printed = to_string(*first);
  const auto second = parse_ok(printed);
  ASSERT_TRUE(second) << printed;
  EXPECT_TRUE(same(*first, *second)) << text << " printed as " << printed;
  EXPECT_EQ(to_string(*second), printed);
}

const Aggregate& aggregate_of(const ExprPtr& expr) {
  return std::get<Aggregate>(expr->node);
}

TEST(MetricParse, ShippedFormulasRoundTrip) {
  for (const auto& formula : testing::shipped_formulas()) {
    SCOPED_TRACE(formula);
    expect_round_trip(formula);
    // The shipped formulas are already written canonically.
    EXPECT_EQ(canonical(formula), formula);
  }
}

TEST(MetricParse, Numbers) {
  EXPECT_EQ(canonical("500"), "500");
  EXPECT_EQ(canonical("500.0"), "500");
  EXPECT_EQ(canonical("0.1"), "0.1");
  EXPECT_EQ(canonical("007.50"), "7.5");
  EXPECT_EQ(canonical("123456789012345678901234567890"), "123456789012345677877719597056");
  const auto expr = parse_ok("2.25");
  EXPECT_EQ(std::get<Number>(expr->node).value, 2.25);
  // Too small to represent is zero, not an error.
  EXPECT_EQ(canonical("0." + std::string(400, '0') + "1"), "0");
}

TEST(MetricParse, PrecedenceAndMinimalParentheses) {
  EXPECT_EQ(canonical("1+2*3"), "1 + 2 * 3");
  EXPECT_EQ(canonical("(1+2)*3"), "(1 + 2) * 3");
  EXPECT_EQ(canonical("((1))"), "1");
  EXPECT_EQ(canonical("1-(2-3)"), "1 - (2 - 3)");
  EXPECT_EQ(canonical("(1-2)-3"), "1 - 2 - 3");
  EXPECT_EQ(canonical("1/(2*3)"), "1 / (2 * 3)");
  EXPECT_EQ(canonical("1+(2+3)"), "1 + (2 + 3)");
  EXPECT_EQ(canonical("-(1+2)"), "-(1 + 2)");
  EXPECT_EQ(canonical("--1"), "--1");
  EXPECT_EQ(canonical("-a*b"), "-a * b");
  EXPECT_EQ(canonical("-(a*b)"), "-(a * b)");
  EXPECT_EQ(canonical("2*-3"), "2 * -3");
  const auto expr = parse_ok("1 - 2 - 3");
  const auto& top = std::get<Binary>(expr->node);
  EXPECT_EQ(top.op, '-');
  EXPECT_TRUE(std::holds_alternative<Binary>(top.left->node));  // left associative
  for (const auto* text : {"1-(2-3)", "a/(b/c)*d", "-(-(a))", "previous(a - b) * 2"})
    expect_round_trip(text);
}

TEST(MetricParse, NamesAndPrevious) {
  const auto name = parse_ok("volunteers_103");
  EXPECT_EQ(std::get<NameRef>(name->node).name, "volunteers_103");
  const auto previous = parse_ok("previous( count(staff) )");
  ASSERT_TRUE(std::holds_alternative<Previous>(previous->node));
  EXPECT_EQ(to_string(*previous), "previous(count(staff))");
  EXPECT_EQ(canonical("_x1"), "_x1");
  const auto three_back = parse_ok("previous(count(staff),3)");
  EXPECT_EQ(std::get<Previous>(three_back->node).periods, 3);
  EXPECT_EQ(to_string(*three_back), "previous(count(staff), 3)");
  EXPECT_EQ(canonical("previous(a, 1)"), "previous(a)");
}

TEST(MetricParse, EveryAggregateFunction) {
  struct Case {
    const char* text;
    AggregateFunction function;
    bool to_date;
  };
  const Case cases[] = {
      {"count(r)", AggregateFunction::count, false},
      {"sum(r.f)", AggregateFunction::sum, false},
      {"avg(r.f)", AggregateFunction::avg, false},
      {"min(r.f)", AggregateFunction::min, false},
      {"max(r.f)", AggregateFunction::max, false},
      {"count_distinct(r.f)", AggregateFunction::count_distinct, false},
      {"active(r)", AggregateFunction::active, false},
      {"count_to_date(r)", AggregateFunction::count, true},
      {"sum_to_date(r.f)", AggregateFunction::sum, true},
      {"avg_to_date(r.f)", AggregateFunction::avg, true},
      {"min_to_date(r.f)", AggregateFunction::min, true},
      {"max_to_date(r.f)", AggregateFunction::max, true},
      {"count_distinct_to_date(r.f)", AggregateFunction::count_distinct, true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const auto expr = parse_ok(c.text);
    ASSERT_TRUE(expr);
    const auto& term = aggregate_of(expr);
    EXPECT_EQ(term.function, c.function);
    EXPECT_EQ(term.to_date, c.to_date);
    EXPECT_EQ(term.register_id, "r");
    EXPECT_EQ(term.key(), c.text);
    EXPECT_EQ(to_string(*expr), c.text);
  }
  EXPECT_EQ(to_string(AggregateFunction::count_distinct), "count_distinct");
  EXPECT_NE(first_problem("active_to_date(staff)").find("unknown function \"active_to_date\""),
            std::string::npos);
}

TEST(MetricParse, Conditions) {
  EXPECT_EQ(canonical("count(r where a=1 and b!=\"x\" or not c<=-2.5)"),
            "count(r where a = 1 and b != \"x\" or not c <= -2.5)");
  EXPECT_EQ(canonical("count(r where a = 1 and (b = 2 or c = 3))"),
            "count(r where a = 1 and (b = 2 or c = 3))");
  EXPECT_EQ(canonical("count(r where (a = 1 and b = 2) or c = 3)"),
            "count(r where a = 1 and b = 2 or c = 3)");
  EXPECT_EQ(canonical("count(r where a = 1 or (b = 2 or c = 3))"),
            "count(r where a = 1 or (b = 2 or c = 3))");
  EXPECT_EQ(canonical("count(r where not (a = 1 and b = 2))"),
            "count(r where not (a = 1 and b = 2))");
  EXPECT_EQ(canonical("count(r where not not a = yes)"), "count(r where not not a = yes)");
  EXPECT_EQ(canonical("count(r where a in (\"x\",\"y\" , 3, -4, yes, no))"),
            "count(r where a in (\"x\", \"y\", 3, -4, yes, no))");
  EXPECT_EQ(canonical("count(r where d >= \"2015-03-01\" and d < \"2015-04-01\" and e > 1)"),
            "count(r where d >= \"2015-03-01\" and d < \"2015-04-01\" and e > 1)");

  const auto expr = parse_ok("count(r where a = 1 and b = 2 or c = 3)");
  const auto& condition = *aggregate_of(expr).condition;
  ASSERT_TRUE(std::holds_alternative<Disjunction>(condition.node));  // and binds tighter
  const auto negative = parse_ok("count(r where a = -3)");
  const auto& comparison = std::get<Comparison>(aggregate_of(negative).condition->node);
  EXPECT_EQ(comparison.value, Literal(-3.0));
  for (const auto* text :
       {"count(r where a = 1 or (b = 2 or c = 3))", "count(r where (a = 1 or b = 2) and c = 3)",
        "count(r where not (not (a = 1)))", "count(r where a = 1 and (b = 2 and c = 3))"})
    expect_round_trip(text);
}

TEST(MetricParse, StringsAndEscapes) {
  const auto expr = parse_ok(R"(count(r where t = "say \"hi\" \\ 文書"))");
  const auto& comparison = std::get<Comparison>(aggregate_of(expr).condition->node);
  EXPECT_EQ(comparison.value, Literal(std::string("say \"hi\" \\ 文書")));
  EXPECT_EQ(to_string(*expr), R"(count(r where t = "say \"hi\" \\ 文書"))");
  expect_round_trip(R"(count(r where t = ""))");
  EXPECT_EQ(to_string(Literal{true}), "yes");
  EXPECT_EQ(to_string(Literal{false}), "no");
  EXPECT_EQ(to_string(Literal{0.5}), "0.5");
}

TEST(MetricParse, WhitespaceNewlinesAndComments) {
  const auto text =
      "# 電子領標比例\n"
      "count(procurement_cases where e_tendering = yes)  # 有電子領標\n"
      "\t/ count(procurement_cases)\r\n"
      "* 100 # 百分比";
  EXPECT_EQ(canonical(text),
            "count(procurement_cases where e_tendering = yes) / count(procurement_cases) * 100");
}

TEST(MetricParse, PositionsCountCodePoints) {
  const auto expr = parse_ok("count(r where a = \"文書\") +\n  previous(x)");
  const auto& binary = std::get<Binary>(expr->node);
  EXPECT_EQ(binary.left->position, (SourcePosition{1, 1}));
  EXPECT_EQ(binary.right->position, (SourcePosition{2, 3}));
  EXPECT_EQ(aggregate_of(binary.left).condition->position, (SourcePosition{1, 15}));
}

TEST(MetricParse, ErrorMessagesSayWhatWasExpectedAndFound) {
  EXPECT_EQ(first_problem("sum(records_trainings.participants where )"),
            "line 1, column 42: expected a field name, \"not\" or \"(\" in the condition, found "
            "\")\"");
  EXPECT_EQ(first_problem("sum(r.f where a = 1 where"),
            "line 1, column 21: expected \")\" to close \"sum(\", found \"where\"");
  EXPECT_EQ(first_problem("(1 + 2"),
            "line 1, column 7: expected \")\" to close \"(\", found the end of the formula");
  EXPECT_EQ(first_problem(""),
            "line 1, column 1: expected a number, a name, a function such as sum(…) or \"(\", "
            "found the end of the formula");
  EXPECT_EQ(first_problem("1 2"),
            "line 1, column 3: expected an operator (+ - * /) or the end of the formula, found "
            "\"2\"");
  EXPECT_EQ(first_problem("sum r.f"),
            "line 1, column 5: expected \"(\" after \"sum\", found \"r\"");
  EXPECT_EQ(first_problem("sum(where)"),
            "line 1, column 5: expected a register name after \"sum(\", found \"where\"");
  EXPECT_EQ(first_problem("sum(r.)"),
            "line 1, column 7: expected a field name after \"sum(r.\", found \")\"");
  EXPECT_EQ(first_problem("count(r where a)"),
            "line 1, column 16: expected a comparison (= != < <= > >=) or \"in\" after \"a\", "
            "found \")\"");
  EXPECT_EQ(first_problem("count(r where a = b)"),
            "line 1, column 19: expected a value (a number, a \"quoted text\", yes or no), found "
            "\"b\"");
  EXPECT_EQ(first_problem("count(r where a in (1,))"),
            "line 1, column 23: expected a value (a number, a \"quoted text\", yes or no), found "
            "\")\"");
  EXPECT_EQ(first_problem("previous 1"),
            "line 1, column 10: expected \"(\" after \"previous\", found \"1\"");
  for (const char* bad :
       {"previous(a, 0)", "previous(a, 1.5)", "previous(a, 21)", "previous(a, b)"})
    EXPECT_NE(first_problem(bad).find("expected how many years back (a whole number from 1 to 20)"),
              std::string::npos)
        << bad;
  EXPECT_EQ(first_problem("where"),
            "line 1, column 1: expected a number, a name, a function such as sum(…) or \"(\", "
            "found \"where\"");
  EXPECT_EQ(first_problem("1 + \"x\""),
            "line 1, column 5: expected a number, a name, a function such as sum(…) or \"(\", "
            "found the string \"x\"");
  EXPECT_NE(first_problem("summ(r.f)").find("unknown function \"summ\""), std::string::npos);
  EXPECT_NE(first_problem("r.f + 1").find("can only be used inside a function"), std::string::npos);
  EXPECT_EQ(first_problem("1.5.2"),
            "line 1, column 4: expected an operator (+ - * /) or the end of the formula, found "
            "\".\"");
}

TEST(MetricParse, LexicalErrors) {
  EXPECT_EQ(first_problem("count(r) ％ 2"), "line 1, column 10: unknown character \"％\"");
  EXPECT_EQ(first_problem("count(r where a = \"文書)"),
            "line 1, column 19: unterminated string: a \" opened here is not closed on the same "
            "line");
  EXPECT_EQ(first_problem("count(r where a = \"a\nb\")"),
            "line 1, column 19: unterminated string: a \" opened here is not closed on the same "
            "line");
  EXPECT_EQ(first_problem(R"(count(r where a = "\n"))"),
            "line 1, column 20: unknown escape in string; only \\\" and \\\\ are allowed");
  EXPECT_NE(first_problem("a ! b").find("did you mean \"!=\""), std::string::npos);
  EXPECT_EQ(first_problem("a \x01"), "line 1, column 3: unknown control character (byte 0x01)");
  // Every lexical problem is reported, not only the first.
  const auto result = parse("a @ b $ c");
  ASSERT_EQ(result.problems.size(), 2u);
  EXPECT_EQ(to_string(result.problems[1]), "line 1, column 7: unknown character \"$\"");
}

TEST(MetricParse, ErrorPositionsAfterChineseAndOnLaterLines) {
  EXPECT_EQ(first_problem("count(r where a = \"文書科\") ＋ 1"),
            "line 1, column 26: unknown character \"＋\"");
  EXPECT_EQ(first_problem("# 說明：中文註解\nsum(r.f) +\n  * 2"),
            "line 3, column 3: expected a number, a name, a function such as sum(…) or \"(\", "
            "found \"*\"");
  EXPECT_EQ(first_problem("count(r where a = \"文書\" b"),
            "line 1, column 24: expected \")\" to close \"count(\", found \"b\"");
}

TEST(MetricParse, RejectsHugeInput) {
  std::string huge = "1";
  while (huge.size() <= kMaxFormulaBytes) huge += " + 1";
  EXPECT_NE(first_problem(huge).find("the formula is too long"), std::string::npos);
  std::string just_fits(kMaxFormulaBytes, ' ');
  just_fits[0] = '1';
  EXPECT_TRUE(parse(just_fits).expr);
}

TEST(MetricParse, RejectsDeepNesting) {
  const int depth = kMaxNestingDepth;
  EXPECT_TRUE(parse(std::string(depth, '(') + "1" + std::string(depth, ')')).expr);
  const std::string too_deep = std::string(depth + 1, '(') + "1" + std::string(depth + 1, ')');
  EXPECT_NE(first_problem(too_deep).find("nested too deeply"), std::string::npos);
  EXPECT_NE(first_problem(std::string(5000, '(')).find("nested too deeply"), std::string::npos);
  EXPECT_NE(first_problem(std::string(5000, '-') + "1").find("nested too deeply"),
            std::string::npos);
  std::string nots = "count(r where ";
  for (int i = 0; i < 2000; ++i) nots += "not ";
  EXPECT_NE(first_problem(nots + "a = 1)").find("nested too deeply"), std::string::npos);
  std::string previous;
  for (int i = 0; i < 1000; ++i) previous += "previous(";
  EXPECT_NE(first_problem(previous + "1").find("nested too deeply"), std::string::npos);
}

TEST(MetricParse, RejectsTreesTallerThanTheLimit) {
  // A chain of operators groups to the left, one tree level per operator; every walk over
  // the tree (printing, checking, evaluating, each metric a formula uses again) recursed
  // that deep: 5,000 levels fit in 10,000 bytes.
  const auto chain = [](const std::string& op, int operators) {
    std::string text = "1";
    for (int i = 0; i < operators; ++i) text += op + "1";
    return text;
  };
  EXPECT_TRUE(parse(chain("+", kMaxTreeHeight - 1)).expr);
  EXPECT_TRUE(parse(chain("*", kMaxTreeHeight - 1)).expr);
  const auto problems = parse(chain("+", 4999)).problems;
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "line 1, column " + std::to_string(2 * kMaxTreeHeight));
  EXPECT_NE(problems[0].message.find("more than 256 levels of operators"), std::string::npos);
  EXPECT_FALSE(parse(chain("-", kMaxTreeHeight)).expr);
  EXPECT_FALSE(parse("-(" + chain("/", kMaxTreeHeight - 1) + ")").expr);
  std::string ors = "count(r where a = 1";
  for (int i = 0; i < 1000; ++i) ors += " or a = 1";
  EXPECT_FALSE(parse(ors + ")").expr);
  std::string ands = "count(r where a = 1";
  for (int i = 0; i < kMaxTreeHeight - 2; ++i) ands += " and a = 1";
  EXPECT_TRUE(parse(ands + ")").expr);
}

TEST(MetricParse, RejectsInvalidUtf8AndNul) {
  EXPECT_EQ(first_problem("1 + \xff"),
            "line 1, column 5: the formula is not valid UTF-8 text (byte 0xFF)");
  EXPECT_EQ(first_problem("count(r where a = \"\xe6\x96\")"),
            "line 1, column 20: the formula is not valid UTF-8 text (byte 0xE6)");
  EXPECT_NE(first_problem("1 # \xc0\xaf overlong").find("not valid UTF-8"), std::string::npos);
  EXPECT_NE(first_problem("\xed\xa0\x80").find("not valid UTF-8"), std::string::npos);  // surrogate
  EXPECT_EQ(first_problem(std::string("1 +\0 2", 6)),
            "line 1, column 4: the formula contains a NUL character (byte 0), which is not "
            "allowed");
  EXPECT_NE(first_problem(std::string("\"\0\"", 3)).find("NUL"), std::string::npos);
}

TEST(MetricParse, RejectsNumbersThatOverflow) {
  EXPECT_EQ(first_problem(std::string(400, '9')),
            "line 1, column 1: the number 999999999999999999999999… is too large");
  // There is no exponent notation: 1e999 is the number 1 followed by the name e999.
  EXPECT_EQ(first_problem("1e999"),
            "line 1, column 2: expected an operator (+ - * /) or the end of the formula, found "
            "\"e999\"");
}

TEST(MetricAst, CollectAggregatesAndNames) {
  const auto expr = parse_ok(
      "(count(a) + previous(sum(b.x) - x) - count(a)) / -y * previous(x + max_to_date(c.z))");
  std::vector<const Aggregate*> terms;
  collect_aggregates(*expr, terms);
  ASSERT_EQ(terms.size(), 4u);
  EXPECT_EQ(terms[0]->key(), "count(a)");
  EXPECT_EQ(terms[1]->key(), "sum(b.x)");
  EXPECT_EQ(terms[2]->key(), "count(a)");
  EXPECT_EQ(terms[3]->key(), "max_to_date(c.z)");
  std::vector<std::string> names;
  collect_names(*expr, names);
  EXPECT_EQ(names, (std::vector<std::string>{"x", "y"}));
}

TEST(MetricAst, KeyIsCanonical) {
  const auto a = parse_ok("sum( r.f   where a=1 and(b=\"x\"))");
  const auto b = parse_ok("sum(r.f where a = 1.0 and b = \"x\")");
  EXPECT_EQ(aggregate_of(a).key(), aggregate_of(b).key());
  EXPECT_EQ(aggregate_of(a).key(), "sum(r.f where a = 1 and b = \"x\")");
  EXPECT_NE(aggregate_of(parse_ok("count(r)")).key(),
            aggregate_of(parse_ok("count_to_date(r)")).key());
}

}  // namespace
}  // namespace planscore::core::metric
