#include "core/evaluation/policy.h"

namespace planscore::core {

EvaluationPolicy default_policy() {
  EvaluationPolicy policy;
  policy.cap = 100;
  policy.no_value_scoring = NoValueScoring::zero;
  // Colours are dark enough for AA contrast against white text labels.
  policy.lights = {
      {"green", "綠燈", "●", "#1b7f3b", 100.0},
      {"yellow", "黃燈", "▲", "#b8860b", 90.0},
      {"red", "紅燈", "■", "#c62828", 0.0},
      {"white", "白燈", "○", "#9e9e9e", std::nullopt},
  };
  policy.no_value_light = "white";
  return policy;
}

}  // namespace planscore::core
