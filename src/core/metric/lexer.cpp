#include "core/metric/lexer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <utility>

namespace planscore::core::metric {
namespace {

// Enough to show a planner every distinct mistake without drowning them in a pasted
// binary file's worth of complaints.
constexpr std::size_t kMaxLexProblems = 20;

constexpr std::array<std::pair<std::string_view, AggregateFunction>, 7> kAggregateNames{{
    {"count", AggregateFunction::count},
    {"sum", AggregateFunction::sum},
    {"avg", AggregateFunction::avg},
    {"min", AggregateFunction::min},
    {"max", AggregateFunction::max},
    {"count_distinct", AggregateFunction::count_distinct},
    {"active", AggregateFunction::active},
}};

constexpr std::array<std::string_view, 8> kKeywords{"previous", "where", "and", "or",
                                                    "not",      "in",    "yes", "no"};

// Shows at most a few dozen characters of a long spelling inside a message.
std::string abbreviate(std::string_view text) {
  constexpr std::size_t kShown = 24;
  if (text.size() <= kShown) return std::string(text);
  return std::string(text.substr(0, kShown)) + "…";
}

std::string hex_byte(unsigned char byte) {
  constexpr std::string_view kDigits = "0123456789ABCDEF";
  return std::string("0x") + kDigits[byte >> 4] + kDigits[byte & 0xF];
}

// Length of the well-formed UTF-8 sequence at the start of `text`, or 0 when it is not
// one (overlong forms, surrogates and code points past U+10FFFF are not well formed).
std::size_t utf8_sequence_length(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char second_min = 0x80, second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;
    if (lead == 0xED) second_max = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;
    if (lead == 0xF4) second_max = 0x8F;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  if (byte(1) < second_min || byte(1) > second_max) return 0;
  for (std::size_t i = 2; i < length; ++i)
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  return length;
}

bool is_name_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_name_char(char c) {
  return is_name_start(c) || is_digit(c);
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  LexResult run() {
    while (offset_ < text_.size() && result_.problems.size() < kMaxLexProblems) next_token();
    if (result_.problems.size() >= kMaxLexProblems && offset_ < text_.size())
      result_.problems.push_back({position_path(position_), "more problems were not listed"});
    result_.tokens.push_back({TokenKind::end, "", 0, position_});
    return std::move(result_);
  }

 private:
  char peek(std::size_t ahead = 0) const {
    return offset_ + ahead < text_.size() ? text_[offset_ + ahead] : '\0';
  }
  bool at_end() const { return offset_ >= text_.size(); }

  // Moves past one code point (or one stray byte), keeping line and column right.
  void advance() {
    const std::size_t length = utf8_sequence_length(text_.substr(offset_));
    if (text_[offset_] == '\n') {
      ++position_.line;
      position_.column = 1;
    } else {
      ++position_.column;
    }
    offset_ += length == 0 ? 1 : length;
  }

  void problem(SourcePosition at, std::string message) {
    result_.problems.push_back({position_path(at), std::move(message)});
  }

  // Reports a byte that cannot start any token, and whether it was a text problem
  // (NUL, broken UTF-8) rather than a character that is merely out of place.
  void unknown_character() {
    const std::string_view rest = text_.substr(offset_);
    const std::size_t length = utf8_sequence_length(rest);
    if (rest[0] == '\0') {
      problem(position_, "the formula contains a NUL character (byte 0), which is not allowed");
    } else if (length == 0) {
      problem(position_, "the formula is not valid UTF-8 text (byte " +
                             hex_byte(static_cast<unsigned char>(rest[0])) + ")");
    } else if (static_cast<unsigned char>(rest[0]) < 0x20 || rest[0] == 0x7F) {
      problem(position_, "unknown control character (byte " +
                             hex_byte(static_cast<unsigned char>(rest[0])) + ")");
    } else {
      problem(position_, "unknown character \"" + std::string(rest.substr(0, length)) + "\"");
    }
    advance();
  }

  void next_token() {
    const char c = peek();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return advance();
    if (c == '#') {
      while (!at_end() && peek() != '\n') {
        // A comment may hold any text, but not bytes that would make the file unreadable.
        if (peek() == '\0' || utf8_sequence_length(text_.substr(offset_)) == 0)
          return unknown_character();
        advance();
      }
      return;
    }
    if (is_digit(c)) return lex_number();
    if (is_name_start(c)) return lex_name();
    if (c == '"') return lex_string();
    lex_symbol();
  }

  void lex_number() {
    const SourcePosition start = position_;
    const std::size_t begin = offset_;
    while (is_digit(peek())) advance();
    if (peek() == '.' && is_digit(peek(1))) {
      advance();
      while (is_digit(peek())) advance();
    }
    const std::string_view spelling = text_.substr(begin, offset_ - begin);
    double value = 0;
    const auto [end, error] =
        std::from_chars(spelling.data(), spelling.data() + spelling.size(), value);
    if (error == std::errc::result_out_of_range || !std::isfinite(value)) {
      // Out of range can also mean too small to represent; that is just zero.
      const bool huge = spelling.find_first_not_of("0.") < spelling.find('.');
      if (huge) {
        problem(start, "the number " + abbreviate(spelling) + " is too large");
        return;
      }
      value = 0;
    }
    result_.tokens.push_back({TokenKind::number, std::string(spelling), value, start});
  }

  void lex_name() {
    const SourcePosition start = position_;
    const std::size_t begin = offset_;
    while (is_name_char(peek())) advance();
    result_.tokens.push_back(
        {TokenKind::name, std::string(text_.substr(begin, offset_ - begin)), 0, start});
  }

  void lex_string() {
    const SourcePosition start = position_;
    advance();  // the opening quote
    std::string value;
    while (true) {
      if (at_end() || peek() == '\n') {
        problem(start, "unterminated string: a \" opened here is not closed on the same line");
        return;
      }
      const char c = peek();
      if (c == '"') break;
      if (c == '\\') {
        const SourcePosition escape_at = position_;
        advance();
        const char escaped = peek();
        if (escaped == '"' || escaped == '\\') {
          value += escaped;
          advance();
        } else {
          problem(escape_at, "unknown escape in string; only \\\" and \\\\ are allowed");
        }
        continue;
      }
      const std::size_t length = utf8_sequence_length(text_.substr(offset_));
      if (c == '\0' || length == 0) {
        unknown_character();
        continue;
      }
      value += text_.substr(offset_, length);
      advance();
    }
    advance();  // the closing quote
    result_.tokens.push_back({TokenKind::string, std::move(value), 0, start});
  }

  void lex_symbol() {
    const SourcePosition start = position_;
    const char c = peek();
    const char following = peek(1);
    std::string spelling;
    if ((c == '!' || c == '<' || c == '>') && following == '=') {
      spelling = {c, '='};
    } else if (std::string_view("+-*/().,=<>").find(c) != std::string_view::npos) {
      spelling = {c};
    } else if (c == '!') {
      problem(start, "unknown character \"!\"; did you mean \"!=\" (not equal)?");
      advance();
      return;
    } else {
      return unknown_character();
    }
    for (std::size_t i = 0; i < spelling.size(); ++i) advance();
    result_.tokens.push_back({TokenKind::symbol, std::move(spelling), 0, start});
  }

  std::string_view text_;
  std::size_t offset_ = 0;
  SourcePosition position_;
  LexResult result_;
};

}  // namespace

LexResult lex(std::string_view text) {
  return Lexer(text).run();
}

std::string position_path(SourcePosition position) {
  return "line " + std::to_string(position.line) + ", column " + std::to_string(position.column);
}

bool is_reserved_word(std::string_view word) {
  for (const auto keyword : kKeywords)
    if (keyword == word) return true;
  return aggregate_from_name(word).has_value();
}

std::optional<AggregateName> aggregate_from_name(std::string_view word) {
  constexpr std::string_view kToDate = "_to_date";
  bool to_date = false;
  if (word.size() > kToDate.size() && word.ends_with(kToDate)) {
    word.remove_suffix(kToDate.size());
    to_date = true;
  }
  for (const auto& [name, function] : kAggregateNames)
    if (name == word) {
      // A roster's active count is a snapshot on 31 December; "to date" means nothing.
      if (to_date && function == AggregateFunction::active) return std::nullopt;
      return AggregateName{function, to_date};
    }
  return std::nullopt;
}

}  // namespace planscore::core::metric
