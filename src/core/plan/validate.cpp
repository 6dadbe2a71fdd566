#include "core/plan/validate.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "core/metric/check.h"
#include "core/metric/parse.h"
#include "core/plan/narrative.h"
#include "core/plan/validate_registers.h"
#include "core/plan/validate_support.h"
#include "core/register/record.h"

namespace planscore::core {
namespace {

using validation::at;
using validation::is_identifier;
using validation::is_key;
using validation::number_text;

constexpr double kWeightTolerance = 1e-6;

class Validator {
 public:
  explicit Validator(const Plan& plan) : plan_(plan) {}

  Problems run() {
    check_header();
    check_sections();
    check_registers();
    collect_scope();
    check_constants();
    check_metrics();
    check_dimensions();
    check_budget();
    check_policy();
    for (std::size_t i = 0; i < plan_.chapters.size(); ++i)
      check_chapter(plan_.chapters[i], at("", "chapters", i));
    return std::move(problems_);
  }

 private:
  void add(std::string path, std::string message) {
    problems_.push_back({std::move(path), std::move(message)});
  }

  void check_header() {
    if (!is_key(plan_.id))
      add("id", "plan id \"" + plan_.id + "\" must be lower-case letters, digits, - or _");
    if (plan_.name.empty()) add("name", "the plan needs a name");
    if (plan_.agency.empty()) add("agency", "the plan needs the agency's name");
    if (plan_.first_year <= 0)
      add("years.first", "the first plan year must be an ROC year (e.g. 104)");
    if (plan_.last_year < plan_.first_year)
      add("years.last", "the last plan year " + std::to_string(plan_.last_year) +
                            " is before the first " + std::to_string(plan_.first_year));
    else if (plan_.last_year - plan_.first_year > 9)
      add("years.last", "a plan covers at most 10 years");
  }

  void check_sections() {
    std::set<std::string> seen;
    std::map<int, double> share_per_year;
    for (std::size_t i = 0; i < plan_.sections.size(); ++i) {
      const auto& section = plan_.sections[i];
      const auto path = at("", "sections", i);
      if (!is_key(section.id))
        add(at(path, "id"),
            "section id \"" + section.id + "\" must be lower-case letters, digits, - or _");
      if (!seen.insert(section.id).second)
        add(at(path, "id"), "section id \"" + section.id + "\" is used twice");
      if (section.name.empty()) add(at(path, "name"), "the section needs a name");
      for (const auto& [year, share] : section.budget_share) {
        if (share < 0 || share > 100)
          add(at(path, "budget_share") + "." + std::to_string(year),
              "budget share " + number_text(share) + "% is not between 0 and 100");
        share_per_year[year] += share;
      }
    }
    for (const auto& [year, total] : share_per_year)
      if (total > 100 + 0.01)
        add("sections", "the sections' budget shares for " + std::to_string(year) + " add up to " +
                            number_text(total) + "%, more than 100%");
  }

  void check_owner(const std::string& path, const std::string& owner) {
    if (auto problem = validation::owner_problem(plan_, owner)) add(path, *problem);
  }

  void check_registers() {
    for (auto& problem : validate_registers(plan_)) problems_.push_back(std::move(problem));
  }

  void collect_scope() {
    for (const auto& reg : plan_.registers) scope_.registers.push_back(&reg);
    for (const auto& constant : plan_.constants) scope_.constants.push_back(constant.id);
    for (const auto& metric : plan_.metrics) {
      scope_.metrics.push_back(metric.id);
      metric_ids_.insert(metric.id);
    }
  }

  void check_name_unique(const std::string& path, const std::string& id) {
    if (!is_identifier(id))
      add(path, "name \"" + id + "\" must start with a-z and use only a-z, 0-9 and _");
    else if (!names_.insert(id).second)
      add(path, "\"" + id + "\" is already the name of another constant or metric");
  }

  void check_constants() {
    for (std::size_t i = 0; i < plan_.constants.size(); ++i) {
      const auto path = at("", "constants", i);
      check_name_unique(at(path, "id"), plan_.constants[i].id);
      if (!std::isfinite(plan_.constants[i].value))
        add(at(path, "value"), "the value is not a number");
      for (const auto& [year, value] : plan_.constants[i].by_year)
        if (!std::isfinite(value))
          add(at(path, "value") + "." + std::to_string(year), "the value is not a number");
    }
  }

  // Parses and checks one formula; returns the metrics it refers to.
  std::vector<std::string> check_formula(const std::string& path, const std::string& formula) {
    std::vector<std::string> used_metrics;
    auto parsed = metric::parse(formula);
    for (const auto& problem : parsed.problems) add(path, problem.path + ": " + problem.message);
    if (!parsed.expr) return used_metrics;
    for (const auto& problem : metric::check(*parsed.expr, scope_))
      add(path, problem.path + ": " + problem.message);
    std::vector<std::string> names;
    metric::collect_names(*parsed.expr, names);
    for (const auto& name : names)
      if (metric_ids_.contains(name)) used_metrics.push_back(name);
    return used_metrics;
  }

  void check_metrics() {
    std::map<std::string, std::vector<std::string>> uses;
    for (std::size_t i = 0; i < plan_.metrics.size(); ++i) {
      const auto& m = plan_.metrics[i];
      const auto path = at("", "metrics", i);
      check_name_unique(at(path, "id"), m.id);
      if (m.name.empty()) add(at(path, "name"), "the metric needs a name");
      check_owner(at(path, "section"), m.section);
      if (m.formula.empty())
        add(at(path, "formula"), "the metric needs a formula");
      else
        uses[m.id] = check_formula(at(path, "formula"), m.formula);
    }
    check_metric_chains(uses);
  }

  // Refuses metrics that refer to each other in a circle, and chains of metrics longer
  // than kMaxMetricChain: evaluating a metric evaluates the ones it names first, one
  // formula's worth of stack (metric::kMaxTreeHeight levels at most) per link. Walks the
  // references with a stack of its own, so a plan's length cannot exhaust the real one.
  void check_metric_chains(const std::map<std::string, std::vector<std::string>>& uses) {
    enum class Mark { none, visiting, done };
    std::map<std::string, Mark> marks;
    std::map<std::string, int> chain;         // done metrics: links from them to a constant
    std::map<std::string, std::string> next;  // done metrics: the first of their longest chain
    std::set<std::string> reported;
    struct Visit {
      const std::string* id;
      std::size_t child = 0;
    };
    static const std::vector<std::string> kNone;
    const auto used_by = [&](const std::string& id) -> const std::vector<std::string>& {
      const auto found = uses.find(id);
      return found == uses.end() ? kNone : found->second;
    };
    for (const auto& [root, _] : uses) {
      if (marks[root] != Mark::none) continue;
      std::vector<Visit> trail{{&root}};
      marks[root] = Mark::visiting;
      while (!trail.empty()) {
        Visit& visit = trail.back();
        const auto& children = used_by(*visit.id);
        if (visit.child == children.size()) {
          int longest = 0;
          for (const auto& child : children)
            if (marks[child] == Mark::done && chain[child] >= longest) {
              longest = chain[child];
              next[*visit.id] = child;
            }
          chain[*visit.id] = longest + 1;
          marks[*visit.id] = Mark::done;
          trail.pop_back();
          continue;
        }
        const std::string& child = children[visit.child++];
        auto& mark = marks[child];
        if (mark == Mark::visiting) {
          std::string cycle;
          bool in_cycle = false;
          for (const auto& step : trail) {
            if (*step.id == child) in_cycle = true;
            if (in_cycle) cycle += *step.id + " → ";
          }
          if (reported.insert(child).second)
            add("metrics", "metrics refer to each other in a circle: " + cycle + child);
        } else if (mark == Mark::none) {
          mark = Mark::visiting;
          trail.push_back({&child});
        }
      }
    }
    for (const auto& metric : plan_.metrics) {
      if (!chain.contains(metric.id) || chain[metric.id] <= kMaxMetricChain) continue;
      std::string links = metric.id;
      std::string step = metric.id;
      for (int i = 0; i < kMaxMetricChain && next.contains(step); ++i) {
        step = next[step];
        links += " → " + step;
      }
      if (next.contains(step)) links += " → …";
      add("metrics", "metrics refer to one another more than " + std::to_string(kMaxMetricChain) +
                         " deep: " + links + "; let a metric use the ones further down directly");
      return;  // one report: every metric above it in the chain is too deep as well
    }
  }

  void check_dimensions() {
    std::set<std::string> dimension_ids, goal_ids, indicator_ids;
    double plan_weight = 0;
    if (plan_.dimensions.empty()) add("dimensions", "the plan has no dimensions");
    for (std::size_t d = 0; d < plan_.dimensions.size(); ++d) {
      const auto& dimension = plan_.dimensions[d];
      const auto path = at("", "dimensions", d);
      if (!is_key(dimension.id))
        add(at(path, "id"),
            "dimension id \"" + dimension.id + "\" must be lower-case letters, digits, - or _");
      if (!dimension_ids.insert(dimension.id).second)
        add(at(path, "id"), "dimension id \"" + dimension.id + "\" is used twice");
      if (dimension.name.empty()) add(at(path, "name"), "the dimension needs a name");
      for (std::size_t g = 0; g < dimension.goals.size(); ++g) {
        const auto& goal = dimension.goals[g];
        const auto goal_path = at(path, "goals", g);
        if (!is_key(goal.id))
          add(at(goal_path, "id"),
              "goal id \"" + goal.id + "\" must be lower-case letters, digits, - or _");
        if (!goal_ids.insert(goal.id).second)
          add(at(goal_path, "id"), "goal id \"" + goal.id + "\" is used twice");
        if (goal.name.empty()) add(at(goal_path, "name"), "the goal needs a name");
        if (!(goal.weight > 0))
          add(at(goal_path, "weight"),
              "goal weight " + number_text(goal.weight) + " must be more than 0");
        check_owner(at(goal_path, "owner_section"), goal.owner_section);
        plan_weight += goal.weight;
        check_goal_weights(goal, goal_path);
        for (std::size_t i = 0; i < goal.indicators.size(); ++i) {
          const auto& indicator = goal.indicators[i];
          const auto indicator_path = at(goal_path, "indicators", i);
          if (!indicator_ids.insert(indicator.id).second)
            add(at(indicator_path, "id"), "indicator id \"" + indicator.id + "\" is used twice");
          check_indicator(indicator, indicator_path);
        }
      }
    }
    if (!plan_.dimensions.empty() && std::abs(plan_weight - 100) > kWeightTolerance) {
      std::vector<std::pair<std::string, double>> goals;
      for (const auto& dimension : plan_.dimensions)
        for (const auto& goal : dimension.goals) goals.emplace_back(goal.id, goal.weight);
      add("dimensions", "goal weights add up to " + number_text(plan_weight) + ", not 100" +
                            rounding_hint(goals, 100 - plan_weight));
    }
  }

  // When a sum misses by no more than rounding each weight to two decimals would, which
  // weight to change: the largest, which the difference changes least.
  static std::string rounding_hint(const std::vector<std::pair<std::string, double>>& weights,
                                   double difference) {
    if (weights.empty() ||
        std::abs(difference) > 0.005 * static_cast<double>(weights.size()) + 1e-9)
      return "";
    const auto largest =
        std::max_element(weights.begin(), weights.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    const double rounded = std::round(difference * 100) / 100;
    return "; the difference of " + number_text(rounded) +
           " comes from rounding: make the largest weight, " + largest->first + " (" +
           number_text(largest->second) + "), " + number_text(largest->second + rounded);
  }

  void check_goal_weights(const Goal& goal, const std::string& goal_path) {
    if (goal.indicators.empty()) {
      add(at(goal_path, "indicators"), "the goal has no indicators");
      return;
    }
    double sum = 0;
    std::string terms;
    std::vector<std::pair<std::string, double>> weights;
    for (const auto& indicator : goal.indicators) {
      sum += indicator.weight;
      terms += (terms.empty() ? "" : "+") + number_text(indicator.weight);
      weights.emplace_back(indicator.id, indicator.weight);
    }
    if (std::abs(sum - goal.weight) > kWeightTolerance)
      add(at(goal_path, "weight"), "indicator weights " + terms + " = " + number_text(sum) +
                                       " ≠ goal weight " + number_text(goal.weight) +
                                       rounding_hint(weights, goal.weight - sum));
  }

  void check_indicator(const Indicator& indicator, const std::string& path) {
    if (!is_key(indicator.id))
      add(at(path, "id"),
          "indicator id \"" + indicator.id + "\" must be lower-case letters, digits, - or _");
    if (indicator.name.empty()) add(at(path, "name"), "the indicator needs a name");
    if (!(indicator.weight > 0))
      add(at(path, "weight"),
          "indicator weight " + number_text(indicator.weight) + " must be more than 0");
    if (indicator.framework < 1) add(at(path, "framework"), "評估體制 must be a code of 1 or more");
    if (indicator.decimals < 0 || indicator.decimals > 6)
      add(at(path, "decimals"), "decimals must be between 0 and 6");
    check_owner(at(path, "owner_section"), indicator.owner_section);
    check_stages(indicator, path);
    for (int year : plan_.years())
      if (!indicator.targets.count(year))
        add(at(path, "targets"), "no target for " + std::to_string(year));
    for (const auto& [year, target] : indicator.targets) {
      const auto target_path = at(path, "targets") + "." + std::to_string(year);
      if (year < plan_.first_year || year > plan_.last_year)
        add(target_path, "year " + std::to_string(year) + " is outside the plan years " +
                             std::to_string(plan_.first_year) + "–" +
                             std::to_string(plan_.last_year));
      check_target(indicator, target, target_path);
    }
    if (!indicator.formula.empty()) check_formula(at(path, "formula"), indicator.formula);
  }

  void check_stages(const Indicator& indicator, const std::string& path) {
    if (indicator.kind != IndicatorKind::milestone) {
      if (!indicator.stages.empty())
        add(at(path, "stages"), "only a milestone indicator has stages");
      return;
    }
    if (indicator.stages.empty()) add(at(path, "stages"), "a milestone indicator needs its stages");
    double previous = 0;
    for (std::size_t s = 0; s < indicator.stages.size(); ++s) {
      const auto& stage = indicator.stages[s];
      const auto stage_path = at(path, "stages", s);
      if (stage.name.empty()) add(at(stage_path, "name"), "the stage needs a name");
      if (!(stage.percent > previous) || stage.percent > 100)
        add(at(stage_path, "percent"), "stage percentages must rise from above 0 to at most 100; " +
                                           number_text(stage.percent) + " follows " +
                                           number_text(previous));
      previous = stage.percent;
    }
  }

  void check_target(const Indicator& indicator, double target, const std::string& path) {
    if (!std::isfinite(target)) {
      add(path, "the target is not a number");
      return;
    }
    switch (indicator.kind) {
      case IndicatorKind::yes_no:
        if (target != 0 && target != 1)
          add(path, "a yes/no target must be 1 (yes) or 0 (no), not " + number_text(target));
        break;
      case IndicatorKind::milestone: {
        bool is_stage = false;
        for (const auto& stage : indicator.stages) is_stage = is_stage || stage.percent == target;
        if (!is_stage)
          add(path, "a milestone target must be one of the stages' percentages, not " +
                        number_text(target));
        break;
      }
      case IndicatorKind::higher_is_better:
      case IndicatorKind::lower_is_better:
        if (target < 0) add(path, "target " + number_text(target) + " is negative");
        break;
    }
  }

  void check_budget() {
    std::set<std::string> numbers;
    for (std::size_t i = 0; i < plan_.budget.size(); ++i)
      check_budget_line(plan_.budget[i], at("", "budget", i), numbers);
  }

  void check_amount(double amount, const std::string& path) {
    if (!std::isfinite(amount))
      add(path, "the amount is not a number");
    else if (amount < 0)
      add(path, "amount " + number_text(amount) + " is negative");
  }

  void check_budget_line(const BudgetLine& line, const std::string& path,
                         std::set<std::string>& numbers) {
    if (!numbers.insert(line.number).second)
      add(at(path, "number"), "line number \"" + line.number + "\" is used twice");
    if (line.name.empty()) add(at(path, "name"), "the budget line needs a name");
    if (!line.goal.empty()) {
      bool found = false;
      for (const auto& dimension : plan_.dimensions)
        for (const auto& goal : dimension.goals) found = found || goal.id == line.goal;
      if (!found) add(at(path, "goal"), "unknown goal \"" + line.goal + "\"");
    }
    if (!line.children.empty()) {
      // A parent's figures are its children's sums; amounts of its own would be counted twice.
      if (line.prior != 0 || line.after != 0 || !line.years.empty())
        add(path,
            "a line with sub-lines carries no amounts of its own: its figures are the sums of its "
            "sub-lines");
      for (std::size_t c = 0; c < line.children.size(); ++c)
        check_budget_line(line.children[c], at(path, "children", c), numbers);
      return;
    }
    check_amount(line.prior, at(path, "prior"));
    check_amount(line.after, at(path, "after"));
    for (const auto& [year, amount] : line.years) {
      const auto year_path = at(path, "years") + "." + std::to_string(year);
      if (year < plan_.first_year || year > plan_.last_year)
        add(year_path, "year " + std::to_string(year) + " is outside the plan years");
      check_amount(amount, year_path);
    }
  }

  void check_policy() {
    const auto& policy = plan_.policy;
    if (!(policy.cap > 0)) add("policy.cap", "the scoring cap must be more than 0%");
    if (!(policy.min_valued_share >= 0 && policy.min_valued_share <= 100))
      add("policy.min_valued_share",
          "the share of weight that needs values is a percent, 0 to 100");
    std::set<std::string> ids;
    bool has_threshold = false, has_no_value = false;
    for (std::size_t i = 0; i < policy.lights.size(); ++i) {
      const auto& light = policy.lights[i];
      const auto path = at("policy", "lights", i);
      if (light.id.empty() || !ids.insert(light.id).second)
        add(at(path, "id"), "light ids must be present and unique");
      if (light.label.empty()) add(at(path, "label"), "the light needs a label");
      has_threshold = has_threshold || light.at_least.has_value();
      has_no_value = has_no_value || light.id == policy.no_value_light;
    }
    if (!has_threshold) add("policy.lights", "at least one light needs a threshold (at_least)");
    if (!has_no_value)
      add("policy.no_value_light", "\"" + policy.no_value_light + "\" is not one of the lights");
  }

  void check_chapter(const Chapter& chapter, const std::string& path) {
    if (chapter.heading.empty()) add(at(path, "heading"), "the chapter needs a heading");
    if (!chapter.generated.empty() && !is_generated_chapter_kind(chapter.generated))
      add(at(path, "generated"), "unknown generated content \"" + chapter.generated +
                                     "\"; use one of " + generated_chapter_kinds_list());
    for (const auto& problem : check_narrative(chapter.text, plan_))
      add(at(path, "text"), problem.path + ": " + problem.message);
    for (std::size_t i = 0; i < chapter.children.size(); ++i)
      check_chapter(chapter.children[i], at(path, "children", i));
  }

  const Plan& plan_;
  metric::Scope scope_;
  std::set<std::string> names_;
  std::set<std::string> metric_ids_;
  Problems problems_;
};

}  // namespace

Problems validate(const Plan& plan) {
  return Validator(plan).run();
}

}  // namespace planscore::core
