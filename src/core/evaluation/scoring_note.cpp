#include "core/evaluation/scoring_note.h"

#include "core/text/plan_number.h"

namespace planscore::core {
namespace {

std::string percent(double value) {
  return format_plan_number(value, 1, NumberStyle::plain) + "%";
}

std::string chinese_note(const EvaluationPolicy& policy, const YearEvaluation& evaluation,
                         double share) {
  std::string note = "各指標得分＝權重 × 達成度（達成度超過 " + percent(policy.cap) + " 者以 " +
                     percent(policy.cap) +
                     " 計）÷ 100，四捨五入至小數第二位；小計與總分為其下各項得分之和。";
  if (evaluation.no_value_count == 0) return note + "本年度每項指標都有實際值。";
  const std::string count = std::to_string(evaluation.no_value_count);
  if (policy.no_value_scoring == NoValueScoring::zero)
    return note + "本年度有 " + count + " 項指標無實際值，以 0 分計。";
  note += "本年度有 " + count +
          " 項指標無實際值，不計分，其權重由同一策略目標內有實際值的指標依權重比例分攤；"
          "目標內皆無實際值者以 0 分計。有實際值的指標權重合計占 " +
          percent(share) + "。";
  if (!evaluation.complete)
    note += "未達計算總分所需的 " + percent(policy.min_valued_share) + "，總分未完成，僅供參考。";
  return note;
}

std::string english_note(const EvaluationPolicy& policy, const YearEvaluation& evaluation,
                         double share) {
  std::string note = "An indicator scores its weight × its achievement (capped at " +
                     percent(policy.cap) +
                     ") ÷ 100, rounded to two decimals; subtotals and the total are the sums of "
                     "the scores under them. ";
  if (evaluation.no_value_count == 0) return note + "Every indicator has a value this year.";
  const std::string count = std::to_string(evaluation.no_value_count);
  if (policy.no_value_scoring == NoValueScoring::zero)
    return note + count + " indicator(s) have no value this year and score 0.";
  note += count +
          " indicator(s) have no value this year and are not scored; their weight goes to the "
          "indicators of the same goal that have a value, in proportion to their weights, and a "
          "goal with no value at all scores 0. Indicators with values carry " +
          percent(share) + " of the weight.";
  if (!evaluation.complete)
    note += " That is below the " + percent(policy.min_valued_share) +
            " a total needs: the total is incomplete, for reference only.";
  return note;
}

}  // namespace

std::string scoring_note(const YearEvaluation& evaluation, Language language) {
  const EvaluationPolicy& policy = *evaluation.policy;
  const double share = evaluation.total_weight > 0
                           ? evaluation.valued_weight / evaluation.total_weight * 100.0
                           : 0.0;
  return language == Language::english ? english_note(policy, evaluation, share)
                                       : chinese_note(policy, evaluation, share);
}

}  // namespace planscore::core
