#pragma once
// Splitting formula text into tokens, with positions in code points so that errors
// after Chinese text point at the right column. Internal to the metric parser.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/metric/ast.h"
#include "core/problem.h"

namespace planscore::core::metric {

enum class TokenKind {
  number,  // value in Token::number, spelling in Token::text
  name,    // identifiers and reserved words alike; the parser tells them apart
  string,  // Token::text holds the unescaped value
  symbol,  // + - * / ( ) . , = != < <= > >=
  end,     // the end of the formula
};

struct Token {
  TokenKind kind = TokenKind::end;
  std::string text;
  double number = 0;
  SourcePosition position;
};

struct LexResult {
  std::vector<Token> tokens;  // always ends with an `end` token
  Problems problems;
};

LexResult lex(std::string_view text);

// "line L, column C", the path of every problem about a formula.
std::string position_path(SourcePosition position);

// The words a formula cannot use as names (previous, where, sum, count_to_date …).
bool is_reserved_word(std::string_view word);

struct AggregateName {
  AggregateFunction function;
  bool to_date;
};
// sum → {sum, false}, sum_to_date → {sum, true}; nullopt for anything else.
std::optional<AggregateName> aggregate_from_name(std::string_view word);

}  // namespace planscore::core::metric
