// A shadow of yaml-cpp's scanner (0.7) that keeps no tokens: it moves through the text
// token by token with yaml-cpp's rules for where each token ends — quoted scalars, plain
// scalars running over lines as far as the block indentation lets them, block scalars by
// their indentation, comments, anchors and tags — and counts the flow brackets yaml-cpp
// would take as brackets, and the tokens it would hold. Getting a token's end wrong in the
// direction of skipping text yaml-cpp reads as tokens would let nesting through, so each rule
// follows yaml-cpp's code (scanner.cpp, scantoken.cpp, scanscalar.cpp, exp.h) rather than the YAML
// specification where the two differ.
#include "planfile/yaml_depth_scan.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

namespace planscore::planfile {
namespace {

class ShapeScan {
 public:
  ShapeScan(std::string_view text, const YamlShapeLimits& limits)
      : text_(text), max_depth_(limits.max_depth), max_tokens_(limits.max_tokens) {
    // yaml-cpp drops a byte order mark before it counts columns.
    if (text_.starts_with("\xEF\xBB\xBF")) at_ = line_start_ = 3;
  }

  std::optional<YamlShapeFault> run() {
    while (true) {
      skip_to_next_token();
      if (at_end()) return std::nullopt;
      if (!in_flow()) {
        pop_indents_to_here();
        release_hold_left_of_its_key();
      }
      const Position start = here();
      const bool was_in_flow = in_flow();
      if (auto too_deep = next_token()) return too_deep;
      if (too_deep_block_) return too_deep_block_;
      if (auto too_long = count_token(start, was_in_flow)) return too_long;
    }
  }

 private:
  struct Position {
    int line;
    int column;  // 1-based
  };
  enum class Indent { sequence, map };
  struct IndentMark {
    int column;
    Indent kind;
    bool valid;  // a simple key's indentation stays unconfirmed until its ':'
  };

  // One token, as ScanNextToken dispatches it. Where yaml-cpp would throw, the scan goes
  // on as if it had not: it then only reads more than yaml-cpp does, never less.
  std::optional<YamlShapeFault> next_token() {
    const char c = peek();
    if (column() == 0 && c == '%') {
      release_hold();
      skip_to_break();
      key_allowed_ = false;
    } else if (column() == 0 && document_marker()) {
      release_hold();
      indents_.clear();
      key_pending_ = false;
      key_allowed_ = false;
      advance(3);
    } else if (c == '[' || c == '{') {
      potential_key();
      if (++depth_ > max_depth_) return fault(YamlShapeFault::Kind::too_deep, here());
      key_allowed_ = true;
      json_value_ = false;
      advance(1);
    } else if (c == ']' || c == '}') {
      if (depth_ > 0) --depth_;
      key_allowed_ = false;
      json_value_ = true;
      advance(1);
    } else if (c == ',') {
      key_allowed_ = true;
      json_value_ = false;
      advance(1);
    } else if (c == '-' && blank_break_or_end(1)) {
      push_indent(column(), Indent::sequence, true);
      key_allowed_ = true;
      json_value_ = false;
      advance(1);
    } else if (c == '?' && blank_or_break(1)) {
      push_indent(column(), Indent::map, true);
      key_allowed_ = !in_flow();
      advance(1);
    } else if (value_indicator()) {
      if (!in_flow()) release_hold();
      if (verify_key()) {
        key_allowed_ = false;
      } else {
        push_indent(column(), Indent::map, true);
        key_allowed_ = !in_flow();
      }
      json_value_ = false;
      advance(1);
    } else if (c == '&' || c == '*') {
      potential_key();
      key_allowed_ = false;
      json_value_ = false;
      advance(1);
      while (!at_end() && !blank_or_break(0) && !is_one_of(peek(), "[]{},")) advance(1);
    } else if (c == '!') {
      potential_key();
      key_allowed_ = false;
      json_value_ = false;
      skip_tag();
    } else if (!in_flow() && (c == '|' || c == '>')) {
      block_scalar();
      key_allowed_ = true;
      json_value_ = false;
    } else if (c == '\'' || c == '"') {
      potential_key();
      quoted_scalar();
      key_allowed_ = false;
      json_value_ = true;
    } else if (plain_scalar_starts()) {
      // yaml-cpp measures the scalar's lines from the indentation before the key's own.
      const int indent = in_flow() ? 0 : top_indent() + 1;
      potential_key();
      key_allowed_ = plain_scalar(indent);
      json_value_ = false;
    } else {
      advance(1);  // yaml-cpp: unknown token
    }
    return std::nullopt;
  }

  // Counts the token that started at `start`: in the outermost flow collection it belongs
  // to, if any, and in the run of tokens yaml-cpp holds, if one is open.
  std::optional<YamlShapeFault> count_token(Position start, bool was_in_flow) {
    if (!was_in_flow && in_flow()) {
      flow_start_ = start;
      flow_tokens_ = 0;
    }
    if ((was_in_flow || in_flow()) && ++flow_tokens_ > max_tokens_)
      return fault(YamlShapeFault::Kind::long_flow_collection, flow_start_);
    if (hold_ && ++hold_->tokens > max_tokens_)
      return fault(YamlShapeFault::Kind::long_unread_run, hold_->start);
    return std::nullopt;
  }

  static YamlShapeFault fault(YamlShapeFault::Kind kind, Position at) {
    return YamlShapeFault{kind, at.line, at.column};
  }

  // yaml-cpp holds tokens from a potential simple key at block level on, until it knows
  // whether it is a key. A hold is opened at every token that could be one, whether or not
  // yaml-cpp allows a key there: the scan then counts more than yaml-cpp holds, never less.
  // It is closed only where yaml-cpp certainly lets the key go (Scanner::VerifySimpleKey,
  // InvalidateSimpleKey, PopAllSimpleKeys): at a block-level `:`, a line break between
  // tokens at block level, a directive or document marker, and — the key having opened an
  // indentation of its own — a token left of that indentation (PopIndent of an unverified
  // indentation).
  void open_hold(int indent_column) {
    if (in_flow() || hold_) return;
    hold_ = Hold{here(), 0, indent_column};
  }
  void release_hold() { hold_.reset(); }
  void release_hold_left_of_its_key() {
    if (hold_ && column() < hold_->indent_column) release_hold();
  }

  Position here() const { return {line_, column() + 1}; }
  bool at_end(std::size_t ahead = 0) const { return at_ + ahead >= text_.size(); }
  char peek(std::size_t ahead = 0) const { return at_end(ahead) ? '\0' : text_[at_ + ahead]; }
  int column() const { return static_cast<int>(at_ - line_start_); }
  bool in_flow() const { return depth_ > 0; }
  static bool is_one_of(char c, std::string_view set) { return set.find(c) != set.npos; }
  bool blank(std::size_t ahead) const { return peek(ahead) == ' ' || peek(ahead) == '\t'; }
  // yaml-cpp 0.7 breaks lines at "\n" and "\r\n" only; a lone "\r" is neither a break
  // nor a blank (it even vanishes from scalars' text).
  bool line_break(std::size_t ahead) const {
    return peek(ahead) == '\n' || (peek(ahead) == '\r' && peek(ahead + 1) == '\n');
  }
  bool blank_or_break(std::size_t ahead) const { return blank(ahead) || line_break(ahead); }
  bool blank_break_or_end(std::size_t ahead) const {
    return at_end(ahead) || blank_or_break(ahead);
  }

  void advance(std::size_t count) {
    for (std::size_t i = 0; i < count && !at_end(); ++i) {
      const char c = text_[at_++];
      if (c == '\n') {
        ++line_;
        line_start_ = at_;
      }
    }
  }
  void skip_to_break() {
    while (!at_end() && !line_break(0)) advance(1);
  }
  void eat_break() { advance(peek() == '\r' && peek(1) == '\n' ? 2 : 1); }

  bool document_marker() const {
    const auto rest = text_.substr(at_);
    return (rest.starts_with("---") || rest.starts_with("...")) && blank_break_or_end(3);
  }

  // Whitespace, comments and line breaks between tokens; a new line ends a pending key.
  void skip_to_next_token() {
    while (true) {
      while (blank(0)) advance(1);
      if (peek() == '#') skip_to_break();
      if (!line_break(0)) return;
      eat_break();
      invalidate_key();
      if (!in_flow()) {
        key_allowed_ = true;
        release_hold();
      }
    }
  }

  bool value_indicator() const {
    if (peek() != ':') return false;
    if (!in_flow()) return blank_break_or_end(1);
    return json_value_ || blank_or_break(1) || is_one_of(peek(1), ",]}");
  }

  int top_indent() const { return indents_.empty() ? -1 : indents_.back().column; }

  // False when yaml-cpp opens no indentation there.
  bool push_indent(int column, Indent kind, bool valid) {
    if (in_flow()) return false;
    const int top = top_indent();
    if (column < top) return false;
    if (column == top && !(kind == Indent::sequence && indents_.back().kind == Indent::map))
      return false;
    indents_.push_back({column, kind, valid});
    if (!valid) key_indent_ = indents_.size();
    check_block_depth();
    return true;
  }

  // Each confirmed indentation is one block collection; counting them keeps the indentation
  // stack (and the scan's memory) as small as the limit.
  void check_block_depth() {
    const auto open = std::count_if(indents_.begin(), indents_.end(),
                                    [](const IndentMark& mark) { return mark.valid; });
    if (open > max_depth_ && !too_deep_block_)
      too_deep_block_ = fault(YamlShapeFault::Kind::too_deep, {line_, indents_.back().column + 1});
  }

  void pop_indents_to_here() {
    while (!indents_.empty()) {
      const auto& top = indents_.back();
      if (top.column < column()) break;
      if (top.column == column() &&
          !(top.kind == Indent::sequence && !(peek() == '-' && blank_break_or_end(1))))
        break;
      pop_indent();
    }
    while (!indents_.empty() && !indents_.back().valid && key_indent_ != indents_.size())
      pop_indent();
  }

  void pop_indent() {
    if (key_indent_ == indents_.size()) key_indent_ = 0;
    indents_.pop_back();
  }

  // A token that could be a simple key: in block context yaml-cpp marks its column as the
  // indentation of a map it might open. Only block-level keys are followed: keys inside
  // flow collections move no indentation.
  void potential_key() {
    if (in_flow() || !key_allowed_ || key_pending_) {
      open_hold(-1);
      return;
    }
    key_pending_ = true;
    key_indent_ = 0;
    const int key_column = column();
    open_hold(push_indent(key_column, Indent::map, false) ? key_column : -1);
  }
  bool verify_key() {
    if (in_flow() || !key_pending_) return false;
    key_pending_ = false;
    if (key_indent_ != 0 && key_indent_ <= indents_.size()) {
      indents_[key_indent_ - 1].valid = true;
      check_block_depth();
    }
    key_indent_ = 0;
    return true;
  }
  void invalidate_key() {
    if (in_flow() || !key_pending_) return;
    key_pending_ = false;
    key_indent_ = 0;  // its indentation, if any, is dropped by pop_indents_to_here
  }

  void skip_tag() {
    advance(1);
    if (peek() == '<') {
      while (!at_end() && peek() != '>' && !line_break(0)) advance(1);
      advance(1);
      return;
    }
    while (!at_end() && (std::isalnum(static_cast<unsigned char>(peek())) ||
                         is_one_of(peek(), "-#;/?:@&=+$_.~*'()%!")))
      advance(1);
  }

  // To the closing quote; yaml-cpp throws at a document marker inside the quotes.
  void quoted_scalar() {
    const char quote = peek();
    advance(1);
    while (!at_end()) {
      if (column() == 0 && document_marker()) return;
      if (quote == '\'' && peek() == '\'' && peek(1) == '\'') {
        advance(2);
      } else if (quote == '"' && peek() == '\\') {
        advance(1);
        if (line_break(0))
          eat_break();
        else
          advance(1);
      } else if (peek() == quote) {
        advance(1);
        return;
      } else if (line_break(0)) {
        eat_break();
      } else {
        advance(1);
      }
    }
  }

  bool plain_scalar_starts() const {
    const char c = peek();
    if (blank_or_break(0)) return false;
    if (in_flow()) {
      if (is_one_of(c, "?,[]{}#&*!|>'\"%@`")) return false;
      return !(is_one_of(c, "-:") && (blank(1) || at_end(1)));
    }
    if (is_one_of(c, ",[]{}#&*!|>'\"%@`")) return false;
    return !(is_one_of(c, "-?:") && blank_break_or_end(1));
  }

  bool plain_scalar_ends() const {
    // A comment after a blank or a line break; "\r\n" is one break, so its `#` is two on.
    if ((blank(0) || peek() == '\n') && peek(1) == '#') return true;
    if (peek() == '\r' && peek(1) == '\n' && peek(2) == '#') return true;
    if (!in_flow()) return peek() == ':' && blank_break_or_end(1);
    if (peek() == ':' && (blank_break_or_end(1) || is_one_of(peek(1), ",]}"))) return true;
    return is_one_of(peek(), ",?[]{}");
  }

  // ScanScalar for a plain scalar; true when it ended at the start of a new line (where
  // yaml-cpp allows a simple key again).
  bool plain_scalar(int indent) {
    while (true) {
      while (!plain_scalar_ends() && !line_break(0)) {
        if (at_end() || (column() == 0 && document_marker())) return false;
        advance(1);
      }
      if (at_end() || plain_scalar_ends()) return false;
      eat_break();
      invalidate_key();
      while (peek() == ' ' && column() < indent && !plain_scalar_ends()) advance(1);
      while (blank(0) && !plain_scalar_ends()) advance(1);
      if (at_end()) return false;
      if (column() == 0 && document_marker()) return false;
      if (!line_break(0) && column() < indent) return true;
    }
  }

  // The header line and the lines yaml-cpp takes as the scalar's text. A header yaml-cpp
  // refuses ends the scalar there, so what follows is read as tokens.
  void block_scalar() {
    advance(1);
    int indent = 1;
    bool detect = true;
    for (int i = 0; i < 2 && is_one_of(peek(), "+-123456789"); ++i) {
      if (peek() != '+' && peek() != '-') {
        indent = peek() - '0';
        detect = false;
      }
      advance(1);
    }
    while (blank(0)) advance(1);
    if (peek() == '#') skip_to_break();
    if (!at_end() && !line_break(0)) return;
    if (top_indent() >= 0) indent += top_indent();
    bool found_text = false;
    while (!at_end()) {
      while (!at_end() && !line_break(0)) {
        found_text = true;
        advance(1);
      }
      if (at_end()) return;
      eat_break();
      while (peek() == ' ' && (column() < indent || (detect && !found_text))) advance(1);
      if (detect && !found_text) indent = std::max(indent, column());
      if (!at_end() && !line_break(0) && column() < indent) return;
    }
  }

  struct Hold {
    Position start;
    int tokens;
    int indent_column;  // of the indentation the key opened; -1 when it opened none
  };

  std::string_view text_;
  int max_depth_;
  int max_tokens_;
  std::size_t at_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 1;
  int depth_ = 0;
  bool key_allowed_ = true;
  bool json_value_ = false;  // after a quoted scalar or a flow end, ':' alone is a value
  bool key_pending_ = false;
  std::size_t key_indent_ = 0;  // 1-based index in indents_ of the pending key's mark
  std::vector<IndentMark> indents_;
  std::optional<YamlShapeFault> too_deep_block_;
  Position flow_start_{0, 0};  // of the outermost flow collection open
  int flow_tokens_ = 0;
  std::optional<Hold> hold_;
};

}  // namespace

std::optional<YamlShapeFault> find_yaml_shape_fault(std::string_view text,
                                                    const YamlShapeLimits& limits) {
  return ShapeScan(text, limits).run();
}

}  // namespace planscore::planfile
