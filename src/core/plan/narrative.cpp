#include "core/plan/narrative.h"

#include <algorithm>
#include <utility>

#include "core/text/utf8.h"

namespace planscore::core {
namespace {

constexpr std::string_view kOpen = "{{";
constexpr std::string_view kClose = "}}";
constexpr const char* kFormatHint = "use 萬, 約萬 or .N (decimals, .0 to .6)";
constexpr const char* kShapeHint = "write {{metric_id 104}} or {{metric_id 100-103}}";

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// Metric ids share the shape the validator demands of them.
bool is_metric_id(std::string_view text) {
  if (text.empty() || !(text[0] >= 'a' && text[0] <= 'z')) return false;
  for (char c : text)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

// A chapter's problems listed one by one; past this many, one more problem says how many
// were left out (a text of 5 MB could otherwise hold millions).
constexpr std::size_t kMaxListedProblems = 100;

// A place in the text as "line L, column C". Columns count characters, not bytes, so they
// match what an editor shows for Chinese text. Places are asked for in text order, so each
// is counted on from the one before (from the start each time, problems all along a long
// line took quadratic time: minutes for a 160 KB chapter).
class Places {
 public:
  explicit Places(std::string_view text) : text_(text) {}

  // `offset` at or after the last place asked for, or at or after `mark()`'s place.
  std::string at(std::size_t offset) {
    if (offset < last_.offset) last_ = offset < mark_.offset ? Place{} : mark_;
    last_ = counted_to(last_, offset);
    return "line " + std::to_string(last_.line) + ", column " + std::to_string(last_.column);
  }
  // Remembers `offset`, where the places of the next few problems start.
  void mark(std::size_t offset) {
    if (offset < last_.offset) last_ = Place{};
    mark_ = last_ = counted_to(last_, offset);
  }

 private:
  struct Place {
    std::size_t offset = 0;
    int line = 1;
    int column = 1;
  };

  Place counted_to(Place place, std::size_t offset) const {
    while (place.offset < offset && place.offset < text_.size()) {
      if (text_[place.offset] == '\n') {
        ++place.line;
        place.column = 1;
      } else {
        ++place.column;
      }
      const std::size_t length = utf8_sequence_length(text_, place.offset);
      place.offset += length == 0 ? 1 : length;
    }
    return place;
  }

  std::string_view text_;
  Place last_;
  Place mark_;
};

std::string omitted_message(std::size_t count) {
  return std::to_string(count) +
         " more problems in this text are not listed; fix those above first";
}

struct Token {
  std::string_view text;
  std::size_t offset = 0;  // in the whole chapter text
};

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text), places_(text) {}

  ParsedNarrative run() {
    std::size_t at = 0;
    std::size_t literal_start = 0;
    while (at < text_.size()) {
      if (text_.substr(at, 2) == kClose) {
        problem(at, "stray \"}}\" with no \"{{\" before it");
        at += 2;
        continue;
      }
      if (text_.substr(at, 2) != kOpen) {
        ++at;  // both markers are ASCII, so stepping through UTF-8 bytes never splits one
        continue;
      }
      const std::size_t inner = at + 2;
      const std::size_t close = text_.find(kClose, inner);
      // A reference ends on its own line and before the next "{{", so one missing "}}"
      // is reported where it is missing instead of swallowing the text after it.
      if (close == std::string_view::npos || close > text_.find('\n', inner) ||
          close > text_.find(kOpen, inner)) {
        problem(at, "\"{{\" is not closed by \"}}\" on the same line");
        at = inner;
        continue;
      }
      if (auto reference = parse_reference(at, inner, close)) {
        add_literal(text_.substr(literal_start, at - literal_start));
        result_.segments.emplace_back(std::move(*reference));
        offsets_.push_back(at);
        literal_start = close + 2;
      }
      at = close + 2;
    }
    add_literal(text_.substr(literal_start));
    return std::move(result_);
  }

  // Where each reference's "{{" is, in the order of the references among the segments.
  const std::vector<std::size_t>& offsets() const { return offsets_; }
  // Where each problem is, in the order of the problems.
  const std::vector<std::size_t>& problem_offsets() const { return problem_offsets_; }
  // Problems found past the kMaxListedProblems listed.
  std::size_t omitted() const { return omitted_; }

 private:
  void add_literal(std::string_view piece) {
    if (piece.empty()) return;
    if (!result_.segments.empty())
      if (auto* text = std::get_if<std::string>(&result_.segments.back())) {
        text->append(piece);
        return;
      }
    result_.segments.emplace_back(std::string(piece));
  }

  void problem(std::size_t offset, std::string message) {
    failed_ = true;
    if (result_.problems.size() == kMaxListedProblems) {
      ++omitted_;
      return;
    }
    result_.problems.push_back({places_.at(offset), std::move(message)});
    problem_offsets_.push_back(offset);
  }

  // Whitespace separates tokens; "|" is a token of its own, spaced or not.
  std::vector<Token> tokens(std::size_t begin, std::size_t end) const {
    std::vector<Token> found;
    std::size_t at = begin;
    while (at < end) {
      if (is_space(text_[at])) {
        ++at;
      } else if (text_[at] == '|') {
        found.push_back({text_.substr(at, 1), at});
        ++at;
      } else {
        const std::size_t start = at;
        while (at < end && !is_space(text_[at]) && text_[at] != '|') ++at;
        found.push_back({text_.substr(start, at - start), start});
      }
    }
    return found;
  }

  std::optional<MetricReference> parse_reference(std::size_t open, std::size_t inner,
                                                 std::size_t close) {
    failed_ = false;
    // A reference's problems are all at or after its "{{", not always in text order.
    if (result_.problems.size() < kMaxListedProblems) places_.mark(open);
    const auto all = tokens(inner, close);
    if (all.empty()) {
      problem(open, "empty reference \"{{}}\": " + std::string(kShapeHint));
      return std::nullopt;
    }
    std::size_t bar = 0;
    while (bar < all.size() && all[bar].text != "|") ++bar;
    const std::vector<Token> head(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(bar));
    MetricReference reference;
    if (head.empty()) {
      problem(open, "the reference names no metric: " + std::string(kShapeHint));
      return std::nullopt;
    }
    reference.metric = std::string(head[0].text);
    if (!is_metric_id(head[0].text))
      problem(head[0].offset,
              quoted(head[0].text) +
                  " is not a metric id: lower-case letters, digits and _, starting with a letter");
    if (head.size() < 2)
      problem(open, "no year after " + quoted(head[0].text) + ": " + kShapeHint);
    else
      parse_years(head[1], reference);
    if (head.size() > 2)
      problem(head[2].offset,
              "unexpected " + quoted(head[2].text) + " after the year; formats follow a \"|\"");
    if (bar < all.size()) {
      if (bar + 1 == all.size())
        problem(all[bar].offset, "nothing after \"|\": " + std::string(kFormatHint));
      parse_format(all, bar + 1, reference);
    }
    if (failed_) return std::nullopt;
    return reference;
  }

  std::optional<int> parse_year(std::string_view text, std::size_t offset) {
    int year = 0;
    bool digits = !text.empty() && text.size() <= 4;
    for (char c : text) {
      digits = digits && c >= '0' && c <= '9';
      if (digits) year = year * 10 + (c - '0');
    }
    if (digits && year >= kFirstNarrativeYear && year <= kLastNarrativeYear) return year;
    std::string message = quoted(text) + " is not an ROC year (" +
                          std::to_string(kFirstNarrativeYear) + " to " +
                          std::to_string(kLastNarrativeYear) + ")";
    if (digits && year > 1911)
      message += "; " + std::to_string(year) + " is ROC year " + std::to_string(year - 1911);
    problem(offset, std::move(message));
    return std::nullopt;
  }

  void parse_years(const Token& token, MetricReference& reference) {
    const auto dash = token.text.find('-');
    const auto first = parse_year(token.text.substr(0, dash), token.offset);
    if (dash == std::string_view::npos) {
      if (first) reference.first_year = reference.last_year = *first;
      return;
    }
    const auto last = parse_year(token.text.substr(dash + 1), token.offset + dash + 1);
    if (!first || !last) return;
    if (*first >= *last) {
      problem(token.offset, "in " + quoted(token.text) +
                                " the first year must be before the last (one year is "
                                "written alone, e.g. 104)");
      return;
    }
    reference.first_year = *first;
    reference.last_year = *last;
  }

  void parse_format(const std::vector<Token>& all, std::size_t from, MetricReference& reference) {
    std::optional<std::string_view> grouping;
    for (std::size_t i = from; i < all.size(); ++i) {
      const auto& token = all[i];
      if (token.text == "萬" || token.text == "約萬") {
        if (grouping)
          problem(token.offset, quoted(token.text) + " after " + quoted(*grouping) +
                                    ": a reference takes one of 萬 and 約萬");
        grouping = token.text;
        reference.style = token.text == "萬" ? NumberStyle::wan : NumberStyle::approximate_wan;
      } else if (token.text.size() == 2 && token.text[0] == '.' && token.text[1] >= '0' &&
                 token.text[1] <= '0' + kMaxReferenceDecimals) {
        if (reference.decimals)
          problem(token.offset, "decimals are given twice (" + quoted(token.text) + ")");
        reference.decimals = token.text[1] - '0';
      } else {
        problem(token.offset, "unknown format " + quoted(token.text) + ": " + kFormatHint);
      }
    }
  }

  std::string_view text_;
  ParsedNarrative result_;
  std::vector<std::size_t> offsets_;
  std::vector<std::size_t> problem_offsets_;
  Places places_;
  std::size_t omitted_ = 0;  // problems past kMaxListedProblems
  bool failed_ = false;      // whether the reference being parsed had a problem
};

const Metric* find_metric(const Plan& plan, std::string_view id) {
  for (const auto& metric : plan.metrics)
    if (metric.id == id) return &metric;
  return nullptr;
}

}  // namespace

ParsedNarrative parse_narrative(std::string_view text) {
  Parser parser(text);
  auto parsed = parser.run();
  if (parser.omitted() > 0)
    parsed.problems.push_back({Places(text).at(text.size()), omitted_message(parser.omitted())});
  return parsed;
}

std::string reference_text(const MetricReference& reference) {
  std::string text = "{{" + reference.metric + " " + std::to_string(reference.first_year);
  if (reference.last_year != reference.first_year)
    text += "-" + std::to_string(reference.last_year);
  if (reference.style != NumberStyle::plain || reference.decimals) text += " |";
  if (reference.style == NumberStyle::wan) text += " 萬";
  if (reference.style == NumberStyle::approximate_wan) text += " 約萬";
  if (reference.decimals) text += " ." + std::to_string(*reference.decimals);
  return text + "}}";
}

std::string render_narrative(const ParsedNarrative& narrative, const Plan& plan,
                             const MetricValueSource& value_of) {
  std::string text;
  for (const auto& segment : narrative.segments) {
    if (const auto* literal = std::get_if<std::string>(&segment)) {
      text += *literal;
      continue;
    }
    const auto& reference = std::get<MetricReference>(segment);
    const auto value = value_of ? value_of(reference) : std::nullopt;
    if (!value) {
      text += kNoValueMark;
      continue;
    }
    const Metric* metric = find_metric(plan, reference.metric);
    const int decimals = reference.decimals.value_or(metric ? metric->decimals : 0);
    text += format_plan_number(*value, decimals, reference.style);
  }
  return text;
}

Problems check_narrative(std::string_view text, const Plan& plan) {
  // Most chapters quote nothing; they cost one scan.
  if (text.find(kOpen) == std::string_view::npos && text.find(kClose) == std::string_view::npos)
    return {};
  Parser parser(text);
  auto parsed = parser.run();
  std::vector<std::pair<std::size_t, Problem>> found;
  std::size_t omitted = parser.omitted();
  for (std::size_t i = 0; i < parsed.problems.size(); ++i)
    found.emplace_back(parser.problem_offsets()[i], std::move(parsed.problems[i]));
  Places places(text);
  std::size_t index = 0;
  std::size_t unknown = 0;
  for (const auto& segment : parsed.segments) {
    const auto* reference = std::get_if<MetricReference>(&segment);
    if (!reference) continue;
    const std::size_t offset = parser.offsets()[index++];
    if (find_metric(plan, reference->metric)) continue;
    // Past the listed number only the count matters: the first ones sort ahead of them.
    if (++unknown > kMaxListedProblems) {
      ++omitted;
      continue;
    }
    found.emplace_back(offset,
                       Problem{places.at(offset), "unknown metric " + quoted(reference->metric)});
  }
  // In text order, so a planner fixes a chapter from top to bottom.
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  Problems problems;
  for (auto& [offset, problem] : found) {
    if (problems.size() == kMaxListedProblems) {
      ++omitted;
      continue;
    }
    problems.push_back(std::move(problem));
  }
  if (omitted > 0) problems.push_back({Places(text).at(text.size()), omitted_message(omitted)});
  return problems;
}

}  // namespace planscore::core
