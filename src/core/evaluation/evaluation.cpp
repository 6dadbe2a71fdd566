#include "core/evaluation/evaluation.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "core/text/plan_number.h"
#include "core/text/shortest_number.h"

namespace planscore::core {
namespace {

std::optional<double> finite_or_none(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

// Scores are printed with two decimals everywhere; each indicator's is rounded as printed
// before it is added up, so every subtotal equals the sum of the scores shown above it.
double as_printed(double score) {
  const std::string text = format_plan_number(score, 2, NumberStyle::bare);
  double rounded = 0;
  std::from_chars(text.data(), text.data() + text.size(), rounded);
  return rounded;
}

std::optional<double> target_for(const Indicator& indicator, int year) {
  auto found = indicator.targets.find(year);
  if (found == indicator.targets.end()) return std::nullopt;
  return found->second;
}

}  // namespace

std::optional<double> achievement(IndicatorKind kind, double actual, double target) {
  switch (kind) {
    case IndicatorKind::higher_is_better:
    case IndicatorKind::milestone:
      // A zero target is met by any non-negative value.
      if (target == 0) return actual >= 0 ? 100.0 : 0.0;
      return finite_or_none(actual / target * 100.0);
    case IndicatorKind::lower_is_better:
      if (actual <= target) return 100.0;
      // Over the ceiling: the further over, the lower; a zero ceiling with any breach
      // (actual > 0) gives 0 rather than dividing by zero.
      if (target <= 0) return 0.0;
      return finite_or_none(target / actual * 100.0);
    case IndicatorKind::yes_no:
      // A "no" target is met by anything; a "yes" target only by yes.
      if (target == 0) return 100.0;
      return actual >= 1 ? 100.0 : 0.0;
  }
  return std::nullopt;
}

const LightCategory* light_for(const EvaluationPolicy& policy, std::optional<double> value) {
  if (value) {
    // The highest threshold the value reaches; a value below every threshold (a
    // negative achievement) still has a value, so it takes the lowest category.
    const LightCategory* best = nullptr;
    const LightCategory* lowest = nullptr;
    for (const auto& category : policy.lights) {
      if (!category.at_least) continue;
      if (!lowest || *category.at_least < *lowest->at_least) lowest = &category;
      if (*value < *category.at_least) continue;
      if (!best || *category.at_least > *best->at_least) best = &category;
    }
    if (best) return best;
    if (lowest) return lowest;
  }
  for (const auto& category : policy.lights)
    if (category.id == policy.no_value_light) return &category;
  return nullptr;
}

namespace {

void take_stage(const Indicator& indicator, IndicatorResult& row) {
  if (const auto* stage = indicator.stage_at(*row.actual.value)) {
    row.stage = stage->name;
    return;
  }
  row.actual.note = "the value " + shortest_number(*row.actual.value) +
                    " is not the percentage of a stage; the stages are " +
                    stage_list(indicator.stages);
  row.not_a_stage = row.actual.value;
  row.actual.value.reset();
}

}  // namespace

YearEvaluation evaluate_year(const Plan& plan, int year,
                             const std::map<std::string, ActualValue>& actuals) {
  YearEvaluation result;
  result.year = year;
  result.policy = &plan.policy;

  for (const auto& dimension : plan.dimensions) {
    for (const auto& goal : dimension.goals) {
      for (const auto& indicator : goal.indicators) {
        IndicatorResult row;
        row.indicator = &indicator;
        row.goal_id = goal.id;
        row.dimension_id = dimension.id;
        row.target = target_for(indicator, year);
        if (auto found = actuals.find(indicator.id); found != actuals.end())
          row.actual = found->second;
        if (row.actual.value && indicator.kind == IndicatorKind::milestone)
          take_stage(indicator, row);
        if (row.actual.value && row.target)
          row.achievement = achievement(indicator.kind, *row.actual.value, *row.target);
        if (row.achievement) {
          // A negative achievement (a value below zero) scores nothing rather than
          // subtracting from other indicators.
          row.capped_achievement = std::clamp(*row.achievement, 0.0, plan.policy.cap);
          row.score = indicator.weight * *row.capped_achievement / 100.0;
          result.valued_weight += indicator.weight;
        } else {
          ++result.no_value_count;
        }
        result.total_weight += indicator.weight;
        const LightCategory* light = light_for(plan.policy, row.achievement);
        row.light = light ? light->id : plan.policy.no_value_light;
        result.indicators.push_back(row);
      }
    }
  }

  const bool exclude = plan.policy.no_value_scoring == NoValueScoring::exclude;
  if (exclude && result.total_weight > 0)
    result.complete =
        result.valued_weight / result.total_weight * 100.0 >= plan.policy.min_valued_share - 1e-9;

  std::size_t next = 0;
  for (const auto& dimension : plan.dimensions) {
    RollUp dimension_total{dimension.id, dimension.name, 0, 0};
    for (const auto& goal : dimension.goals) {
      RollUp goal_total{goal.id, goal.name, goal.weight, 0};
      const auto first = result.indicators.begin() + static_cast<std::ptrdiff_t>(next);
      const auto last = first + static_cast<std::ptrdiff_t>(goal.indicators.size());
      next += goal.indicators.size();
      if (exclude) {
        // The weight of the goal's indicators without a value goes to those with one.
        double goal_weight = 0, valued = 0;
        for (auto row = first; row != last; ++row) {
          goal_weight += row->indicator->weight;
          if (row->capped_achievement) valued += row->indicator->weight;
        }
        if (valued > 0)
          for (auto row = first; row != last; ++row) row->score *= goal_weight / valued;
      }
      for (auto row = first; row != last; ++row) {
        row->score = as_printed(row->score);
        goal_total.score += row->score;
      }
      dimension_total.weight += goal.weight;
      dimension_total.score += goal_total.score;
      result.goals.push_back(goal_total);
    }
    result.total_score += dimension_total.score;
    result.dimensions.push_back(dimension_total);
  }
  return result;
}

}  // namespace planscore::core
