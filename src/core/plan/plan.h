#pragma once
// A Plan is one agency's mid-term administrative plan (中程施政計畫) as data: its
// narrative chapters, sections, registers, goals and weighted indicators with yearly
// targets, the budget requirement table and the evaluation policy.
// Plain values; copying is cheap enough and sharing between threads read-only is safe.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/evaluation/policy.h"
#include "core/register/register.h"

namespace planscore::core {

// What a chapter may have the system render from the plan's data.
inline constexpr std::array<std::string_view, 5> kGeneratedChapterKinds{
    "goals", "indicator_table", "action_items", "budget_table", "sections"};
bool is_generated_chapter_kind(std::string_view kind);
// "goals, indicator_table, …" for messages.
std::string generated_chapter_kinds_list();

// A headed piece of narrative. `generated` (one of kGeneratedChapterKinds) names content
// the system renders from data after the chapter's text.
struct Chapter {
  std::string heading;  // as printed, e.g. "壹、環境情勢分析與優先發展課題"
  std::string text;     // paragraphs separated by blank lines
  std::string generated;
  std::vector<Chapter> children;
  bool operator==(const Chapter&) const = default;
};

struct Section {  // 科/室
  std::string id;
  std::string name;
  std::string duties;
  std::map<int, double> budget_share;  // ROC year → percent of the agency budget
  bool operator==(const Section&) const = default;
};

enum class IndicatorKind { higher_is_better, lower_is_better, yes_no, milestone };
std::string_view to_string(IndicatorKind kind);
std::optional<IndicatorKind> indicator_kind_from_string(std::string_view text);

struct Baseline {
  double value = 0;
  int year = 0;  // ROC year the baseline was measured in
  std::string note;
  bool operator==(const Baseline&) const = default;
};

struct Indicator {
  std::string id;  // stable key, e.g. "business-4-2"
  int number = 0;  // 一, 二 … within the goal
  std::string name;
  double weight = 0;          // percent of the whole plan
  int framework = 1;          // 評估體制
  std::string method;         // 評估方式, e.g. 統計數據
  std::string standard;       // 衡量標準 in words
  std::string unit;           // as printed after targets: 人, 分, %, or empty
  int decimals = 0;           // for display of actual values
  std::string owner_section;  // section id
  IndicatorKind kind = IndicatorKind::higher_is_better;
  std::optional<Baseline> baseline;
  std::map<int, double> targets;       // ROC year → target in the indicator's unit
  std::vector<MilestoneStage> stages;  // milestone indicators only
  std::string formula;                 // empty when the value is entered manually per year

  // The stage whose percentage `percent` is, or null (milestone indicators).
  const MilestoneStage* stage_at(double percent) const { return core::stage_at(stages, percent); }
  // The stage named `name` (as written in the plan, blanks around it ignored), or null.
  const MilestoneStage* stage_named(std::string_view name) const {
    return core::stage_named(stages, name);
  }
  bool operator==(const Indicator&) const = default;
};

struct ActionItem {  // one numbered item of 肆、計畫內容摘要
  std::string text;
  std::vector<std::string> details;  // (1), (2) … paragraphs
  bool operator==(const ActionItem&) const = default;
};

struct Goal {  // 策略績效目標
  std::string id;
  int number = 0;  // within its dimension
  std::string name;
  std::string description;
  std::vector<ActionItem> action_items;
  double weight = 0;  // percent of the whole plan
  std::string owner_section;
  std::vector<Indicator> indicators;
  bool operator==(const Goal&) const = default;
};

struct Dimension {  // 面向: 業務, 人力, 經費
  std::string id;
  std::string name;
  std::vector<Goal> goals;
  bool operator==(const Dimension&) const = default;
};

enum class BudgetNature { public_construction, social_development };
std::string_view to_string(BudgetNature nature);
std::optional<BudgetNature> budget_nature_from_string(std::string_view text);

// A line of 經費總需求表. A line with children carries no amounts of its own: its
// figures are the sums of its children.
struct BudgetLine {
  std::string number;  // "1", "2", "2.1"
  std::string name;
  double prior = 0;             // 以前年度已列預算數
  std::map<int, double> years;  // ROC year → amount
  double after = 0;             // need after the plan period
  BudgetNature nature = BudgetNature::social_development;
  std::string goal;  // goal id it serves (may be empty)
  std::string note;
  std::vector<BudgetLine> children;
  bool operator==(const BudgetLine&) const = default;
};

// A named number formulas may use, e.g. the 103 volunteer baseline; or one number per
// year (`value: {104: 12, 105: 14}`), such as the planned count an indicator is measured
// against, so a plan needs no register for it.
struct Constant {
  std::string id;
  double value = 0;  // when by_year is empty
  std::string description;
  // ROC year → value; no value for a year not listed. The initializer lets brace lists
  // that end at `description` leave it out without a warning.
  std::map<int, double> by_year = {};

  // The value in a year, or over a span of years ending in `last_year`: the one number,
  // or the value listed for that year (none when it is not listed).
  std::optional<double> value_for(int last_year) const;
  bool operator==(const Constant&) const = default;
};

struct Metric {  // a named formula with no target, reused by indicators and reports
  std::string id;
  std::string name;
  std::string unit;
  int decimals = 0;
  std::string formula;
  std::string section;  // section id: the statistics view (業務統計) lists it there
  bool operator==(const Metric&) const = default;
};

struct Plan {
  std::string id;  // e.g. "taichung-secretariat-104-107"
  std::string name;
  std::string agency;
  std::string issued;  // ISO date the plan was issued, e.g. 2015-03-01
  std::string money_unit = "千元";
  int first_year = 0;  // ROC
  int last_year = 0;   // ROC, inclusive
  std::vector<Chapter> chapters;
  std::vector<Section> sections;
  std::vector<RegisterDef> registers;
  std::vector<Constant> constants;
  std::vector<Metric> metrics;
  std::vector<Dimension> dimensions;
  std::vector<BudgetLine> budget;
  std::string budget_note;
  EvaluationPolicy policy = default_policy();
  // Separation of duties (職務分工): nobody reviews a result they submitted, nor gives both
  // reviews of it. An agency with one person per role may turn it off.
  bool separation_of_duties = true;

  std::vector<int> years() const;  // first_year … last_year
  const RegisterDef* find_register(std::string_view register_id) const;
  const Indicator* find_indicator(std::string_view indicator_id) const;
  const Section* find_section(std::string_view section_id) const;
  bool operator==(const Plan&) const = default;
};

}  // namespace planscore::core
