#pragma once
// Evaluation turns each indicator's actual value for a year into achievement, a light
// and a weighted score, and rolls scores up to goals, dimensions and the plan.
// Pure and deterministic: the same plan and values give the same result.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/plan/plan.h"

namespace planscore::core {

enum class ValueSource { formula, manual, none };

// The actual value of one indicator in one year, as the service found it.
struct ActualValue {
  std::optional<double> value;  // nullopt: no value (no data, division by zero …)
  ValueSource source = ValueSource::none;
  std::string note;  // the manual value's source note, or why there is no value
};

struct IndicatorResult {
  const Indicator* indicator = nullptr;
  std::string goal_id;
  std::string dimension_id;
  std::optional<double> target;
  ActualValue actual;
  std::string stage;                         // a milestone's stage reached: its value's
  std::optional<double> not_a_stage;         // a milestone's value no stage has (no value)
  std::optional<double> achievement;         // percent, raw, uncapped
  std::optional<double> capped_achievement;  // percent, after the policy's cap
  std::string light;                         // the policy's category id
  double score = 0;                          // weighted points after the cap
};

struct RollUp {  // a goal's or dimension's subtotal
  std::string id;
  std::string name;
  double weight = 0;
  double score = 0;  // a dimension's is the sum of its goals' scores
};

struct YearEvaluation {
  int year = 0;
  const EvaluationPolicy* policy = nullptr;  // the plan's, which scored the year
  std::vector<IndicatorResult> indicators;   // in plan order
  std::vector<RollUp> goals;
  std::vector<RollUp> dimensions;
  double total_score = 0;  // the sum of the dimensions' scores
  int no_value_count = 0;
  double valued_weight = 0;  // the weight of the indicators with a value
  double total_weight = 0;   // the weight of every indicator
  // False when the policy asks for a share of the weight with values that the year has
  // not reached (EvaluationPolicy::min_valued_share): the total is then incomplete.
  bool complete = true;
};

// Raw achievement of `actual` against `target` by the indicator's kind (domain rules):
// higher-is-better actual ÷ target; lower-is-better 100 when actual ≤ target else
// target ÷ actual; yes/no 100 or 0; milestone stage ÷ target stage. Returns nullopt when
// it cannot be computed (a zero target for a ratio with a non-zero actual, say) — the
// indicator then gets the no-value light.
std::optional<double> achievement(IndicatorKind kind, double actual, double target);

// The light for a raw achievement (nullopt → the policy's no-value light).
const LightCategory* light_for(const EvaluationPolicy& policy, std::optional<double> achievement);

// Evaluates one year. `actuals` maps indicator id → actual; a missing entry is no value.
// A milestone's value must be one of its stages' percentages: another (from a formula, or
// entered before the stages changed) counts as no value, its note naming the stages.
YearEvaluation evaluate_year(const Plan& plan, int year,
                             const std::map<std::string, ActualValue>& actuals);

}  // namespace planscore::core
