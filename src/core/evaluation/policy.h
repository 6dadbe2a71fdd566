#pragma once
// An EvaluationPolicy is a plan's rules for turning an actual value into achievement,
// a traffic light and a score. Lights are data, not code, so an agency that uses 白燈
// for 績效卓越 can say so in its plan file.
#include <optional>
#include <string>
#include <vector>

namespace planscore::core {

struct LightCategory {
  std::string id;      // e.g. green; `evaluate --format json` reports this
  std::string label;   // 綠燈
  std::string symbol;  // ●
  std::string colour;  // #1b7f3b
  // Lowest raw achievement (percent) that earns this light; unset for the category used
  // when there is no value.
  std::optional<double> at_least;
  bool operator==(const LightCategory&) const = default;
};

enum class NoValueScoring {
  zero,  // the indicator counts as 0 of its weight (default)
  // The indicator's weight goes to the indicators of its goal that have a value, in
  // proportion to their weights, so a goal never scores more than its weight; a goal with
  // no value at all scores 0.
  exclude,
};

struct EvaluationPolicy {
  double cap = 100;  // achievement is capped at this percent for scoring
  NoValueScoring no_value_scoring = NoValueScoring::zero;
  // Under `exclude`: the share of the plan's weight (percent) whose indicators must have a
  // value before a year's total counts; below it the total is incomplete (未完成), since
  // a few measured indicators would otherwise stand for the whole plan.
  double min_valued_share = 50;
  std::vector<LightCategory> lights;  // thresholds, any order
  std::string no_value_light = "white";

  bool operator==(const EvaluationPolicy&) const = default;
};

// 綠燈 ≥100%, 黃燈 ≥90%, 紅燈 <90%, 白燈 no value; cap 100%; no value scores 0.
EvaluationPolicy default_policy();

}  // namespace planscore::core
