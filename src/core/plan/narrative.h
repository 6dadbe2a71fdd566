#pragma once
// Chapter text that quotes live metric values: `{{documents_received_paper 100-103 | 萬}}`
// in a chapter stands for that metric's value over ROC years 100 to 103, printed as
// "47 萬 0,432". Parsing and rendering are pure; the caller supplies the values.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/plan/plan.h"
#include "core/problem.h"
#include "core/text/plan_number.h"

namespace planscore::core {

// Years a reference may name: any ROC year, since chapters quote years before the plan's.
constexpr int kFirstNarrativeYear = 1;
constexpr int kLastNarrativeYear = 200;
constexpr int kMaxReferenceDecimals = 6;

// `{{METRIC YEAR}}` or `{{METRIC FIRST-LAST}}`, optionally followed by `| FORMAT…` where
// the format tokens are `萬`, `約萬` and `.N` (decimals, 0–6).
struct MetricReference {
  std::string metric;  // a metric id; whether the plan has it is validation's business
  int first_year = 0;
  int last_year = 0;  // equal to first_year for a single year
  NumberStyle style = NumberStyle::plain;
  std::optional<int> decimals;  // overrides the metric's own

  bool operator==(const MetricReference&) const = default;
};

// Literal text, or a reference.
using NarrativeSegment = std::variant<std::string, MetricReference>;

struct ParsedNarrative {
  // In text order; adjacent literal text is one segment. A malformed reference stays in
  // the literal text as written, so rendering never loses what the planner typed.
  std::vector<NarrativeSegment> segments;
  Problems problems;  // path "line L, column C" (columns count characters, from 1)
};

// Parses a chapter's text. Text without "{{" and "}}" is one literal segment (none when
// empty). Problems: unclosed "{{" (a reference ends on its own line), stray "}}", empty
// reference, a metric id that is not lower-case a-z, 0-9 and _, a missing or bad year,
// a span whose first year is not before its last, an unknown format token, two grouping
// tokens, two decimals tokens.
// The first 100 problems are listed, then one saying how many more there are.
ParsedNarrative parse_narrative(std::string_view text);

// The reference as a planner would write it: "{{documents_received_paper 100-103 | 萬}}".
std::string reference_text(const MetricReference& reference);

// A metric's value for a reference's years, or nullopt when there is none.
using MetricValueSource = std::function<std::optional<double>(const MetricReference&)>;

// The text with every reference replaced by its value, formatted with the reference's
// style and decimals (else the metric's `decimals` in `plan`). A reference without a
// value prints as "—", never as 0.
std::string render_narrative(const ParsedNarrative& narrative, const Plan& plan,
                             const MetricValueSource& value_of);

// Parse problems and references to metrics `plan` does not define, each with its
// "line L, column C", the first 100 in text order and then how many more; what plan
// validation reports for a chapter's text.
Problems check_narrative(std::string_view text, const Plan& plan);

}  // namespace planscore::core
