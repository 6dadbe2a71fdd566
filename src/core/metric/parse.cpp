// A recursive-descent parser over the lexer's tokens; the grammar is in
// docs/metric-language.md. The first syntax error ends parsing: after one, the rest of
// the formula rarely means what its author intended, so later complaints would mislead.
#include "core/metric/parse.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/metric/lexer.h"

namespace planscore::core::metric {
namespace {

struct SyntaxError {
  Problem problem;
};

std::string abbreviate(std::string_view text) {
  constexpr std::size_t kShown = 30;
  if (text.size() <= kShown) return std::string(text);
  // Cut on a code point boundary so the message stays valid UTF-8.
  std::size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::end:
      return "the end of the formula";
    case TokenKind::string:
      return "the string \"" + abbreviate(token.text) + "\"";
    default:
      return "\"" + abbreviate(token.text) + "\"";
  }
}

std::string function_list() {
  return "count, sum, avg, min, max, count_distinct, active, previous and the _to_date forms "
         "(count_to_date, sum_to_date …)";
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  ExprPtr formula() {
    ExprPtr expr = expression();
    if (current().kind != TokenKind::end)
      fail("expected an operator (+ - * /) or the end of the formula, found " +
           describe(current()));
    return expr;
  }

 private:
  // Counts one level of nesting for as long as it lives; recursion is bounded by this.
  class Nesting {
   public:
    explicit Nesting(Parser& parser) : parser_(parser) {
      if (++parser_.depth_ > kMaxNestingDepth)
        parser_.fail("the formula is nested too deeply: more than " +
                     std::to_string(kMaxNestingDepth) +
                     " levels of parentheses, minus signs, \"not\" or functions");
    }
    ~Nesting() { --parser_.depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;

   private:
    Parser& parser_;
  };

  const Token& current() const { return tokens_[index_]; }
  const Token& next() const { return tokens_[index_ + 1 < tokens_.size() ? index_ + 1 : index_]; }
  const Token& take() {
    const Token& token = tokens_[index_];
    if (index_ + 1 < tokens_.size()) ++index_;
    return token;
  }
  bool at_symbol(std::string_view symbol) const {
    return current().kind == TokenKind::symbol && current().text == symbol;
  }
  bool at_word(std::string_view word) const {
    return current().kind == TokenKind::name && current().text == word;
  }

  [[noreturn]] void fail(std::string message) const {
    throw SyntaxError{{position_path(current().position), std::move(message)}};
  }

  void expect_symbol(std::string_view symbol, const std::string& why) {
    if (!at_symbol(symbol))
      fail("expected \"" + std::string(symbol) + "\" " + why + ", found " + describe(current()));
    take();
  }

  static ExprPtr make(auto node, SourcePosition position) {
    return std::make_shared<const Expr>(Expr{std::move(node), position});
  }
  static ConditionPtr make_condition(auto node, SourcePosition position) {
    return std::make_shared<const Condition>(Condition{std::move(node), position});
  }

  // A chain such as a + b + c groups to the left, one tree level per operator, so its
  // length counts toward the tree's height (what every walk over the tree recurses on).
  ExprPtr expression() {
    ExprPtr left = term();
    while (at_symbol("+") || at_symbol("-")) {
      const Token& op = take();
      const int left_height = height_;
      ExprPtr right = term();
      grow(op, std::max(left_height, height_));
      left = make(Binary{op.text[0], left, right}, left->position);
    }
    return left;
  }

  ExprPtr term() {
    ExprPtr left = unary();
    while (at_symbol("*") || at_symbol("/")) {
      const Token& op = take();
      const int left_height = height_;
      ExprPtr right = unary();
      grow(op, std::max(left_height, height_));
      left = make(Binary{op.text[0], left, right}, left->position);
    }
    return left;
  }

  // The node just built sits above children `child_height` high; refused when that makes
  // the tree taller than kMaxTreeHeight.
  void grow(const Token& at, int child_height) {
    height_ = child_height + 1;
    if (height_ > kMaxTreeHeight)
      throw SyntaxError{{position_path(at.position),
                         "the formula is too deep: more than " + std::to_string(kMaxTreeHeight) +
                             " levels of operators (a chain such as a + b + c counts one per "
                             "operator); split it into named metrics"}};
  }

  ExprPtr unary() {
    if (!at_symbol("-")) return primary();
    const Token& minus = take();
    Nesting nesting(*this);
    ExprPtr operand = unary();
    grow(minus, height_);
    return make(Negate{operand}, minus.position);
  }

  ExprPtr primary() {
    const Token& token = current();
    if (token.kind == TokenKind::number) {
      take();
      height_ = 1;
      return make(Number{token.number}, token.position);
    }
    if (at_symbol("(")) {
      take();
      Nesting nesting(*this);
      ExprPtr inner = expression();
      expect_symbol(")", "to close \"(\"");
      return inner;
    }
    if (token.kind == TokenKind::name) {
      if (token.text == "previous") return previous();
      if (const auto aggregate_name = aggregate_from_name(token.text))
        return aggregate(*aggregate_name);
      if (!is_reserved_word(token.text)) return name();
    }
    fail("expected a number, a name, a function such as sum(…) or \"(\", found " + describe(token));
  }

  ExprPtr previous() {
    const Token& word = take();
    Nesting nesting(*this);
    expect_symbol("(", "after \"previous\"");
    ExprPtr operand = expression();
    grow(word, height_);
    int periods = 1;
    if (at_symbol(",")) {
      take();
      const Token& count = current();
      if (count.kind != TokenKind::number || count.number != std::floor(count.number) ||
          count.number < 1 || count.number > kMaxPreviousYears)
        fail("expected how many years back (a whole number from 1 to " +
             std::to_string(kMaxPreviousYears) + ") after \"previous(…,\", found " +
             describe(count));
      periods = static_cast<int>(take().number);
    }
    expect_symbol(")", "to close \"previous(\"");
    return make(Previous{operand, periods}, word.position);
  }

  ExprPtr name() {
    const Token& token = take();
    if (at_symbol("("))
      fail("unknown function \"" + token.text + "\"; the functions are " + function_list());
    if (at_symbol("."))
      fail("\"" + token.text + ".…\" names a register field, which can only be used inside a " +
           "function such as sum(" + token.text + ".…)");
    height_ = 1;
    return make(NameRef{token.text}, token.position);
  }

  std::string expect_identifier(const std::string& what, const std::string& after) {
    const Token& token = current();
    if (token.kind != TokenKind::name || is_reserved_word(token.text))
      fail("expected " + what + " after \"" + after + "\", found " + describe(token));
    return take().text;
  }

  ExprPtr aggregate(AggregateName aggregate_name) {
    const Token& function_token = take();
    Nesting nesting(*this);
    const std::string opening = function_token.text + "(";
    expect_symbol("(", "after \"" + function_token.text + "\"");
    Aggregate aggregate;
    aggregate.function = aggregate_name.function;
    aggregate.to_date = aggregate_name.to_date;
    aggregate.position = function_token.position;
    aggregate.register_id = expect_identifier("a register name", opening);
    if (at_symbol(".")) {
      take();
      aggregate.field = expect_identifier("a field name", opening + aggregate.register_id + ".");
    }
    height_ = 0;
    if (at_word("where")) {
      take();
      aggregate.condition = condition();
    }
    grow(function_token, height_);
    expect_symbol(")", "to close \"" + opening + "\"");
    return make(std::move(aggregate), function_token.position);
  }

  ConditionPtr condition() {
    ConditionPtr left = and_condition();
    while (at_word("or")) {
      const Token& op = take();
      const int left_height = height_;
      ConditionPtr right = and_condition();
      grow(op, std::max(left_height, height_));
      left = make_condition(Disjunction{left, right}, left->position);
    }
    return left;
  }

  ConditionPtr and_condition() {
    ConditionPtr left = not_condition();
    while (at_word("and")) {
      const Token& op = take();
      const int left_height = height_;
      ConditionPtr right = not_condition();
      grow(op, std::max(left_height, height_));
      left = make_condition(Conjunction{left, right}, left->position);
    }
    return left;
  }

  ConditionPtr not_condition() {
    if (at_word("not")) {
      const Token& word = take();
      Nesting nesting(*this);
      ConditionPtr operand = not_condition();
      grow(word, height_);
      return make_condition(Negation{operand}, word.position);
    }
    if (at_symbol("(")) {
      take();
      Nesting nesting(*this);
      ConditionPtr inner = condition();
      expect_symbol(")", "to close \"(\"");
      return inner;
    }
    return comparison();
  }

  ConditionPtr comparison() {
    const Token& field_token = current();
    if (field_token.kind != TokenKind::name || is_reserved_word(field_token.text))
      fail("expected a field name, \"not\" or \"(\" in the condition, found " +
           describe(field_token));
    take();
    const std::string& field = field_token.text;
    if (at_word("in")) {
      take();
      expect_symbol("(", "after \"in\"");
      InList list{field, {literal()}};
      while (at_symbol(",")) {
        take();
        list.values.push_back(literal());
      }
      expect_symbol(")", "to close \"in (\"");
      height_ = 1;
      return make_condition(std::move(list), field_token.position);
    }
    static constexpr std::pair<std::string_view, CompareOp> kOperators[] = {
        {"=", CompareOp::eq},  {"!=", CompareOp::ne}, {"<", CompareOp::lt},
        {"<=", CompareOp::le}, {">", CompareOp::gt},  {">=", CompareOp::ge}};
    for (const auto& [spelling, op] : kOperators) {
      if (!at_symbol(spelling)) continue;
      take();
      height_ = 1;
      return make_condition(Comparison{field, op, literal()}, field_token.position);
    }
    fail("expected a comparison (= != < <= > >=) or \"in\" after \"" + field + "\", found " +
         describe(current()));
  }

  Literal literal() {
    const Token& token = current();
    if (token.kind == TokenKind::number) return take().number;
    if (token.kind == TokenKind::string) return take().text;
    if (at_word("yes") || at_word("no")) return take().text == "yes";
    if (at_symbol("-") && next().kind == TokenKind::number) {
      take();
      return -take().number;
    }
    fail("expected a value (a number, a \"quoted text\", yes or no), found " + describe(token));
  }

  std::vector<Token> tokens_;
  std::size_t index_ = 0;
  int depth_ = 0;
  int height_ = 0;  // of the tree the last production built
};

}  // namespace

ParseResult parse(std::string_view text) {
  ParseResult result;
  if (text.size() > kMaxFormulaBytes) {
    result.problems.push_back(
        {position_path({}), "the formula is too long: " + std::to_string(text.size()) +
                                " bytes, at most " + std::to_string(kMaxFormulaBytes) +
                                " are allowed"});
    return result;
  }
  LexResult lexed = lex(text);
  if (!lexed.problems.empty()) {
    result.problems = std::move(lexed.problems);
    return result;
  }
  try {
    result.expr = Parser(std::move(lexed.tokens)).formula();
  } catch (const SyntaxError& error) {
    result.problems.push_back(error.problem);
  }
  return result;
}

}  // namespace planscore::core::metric
