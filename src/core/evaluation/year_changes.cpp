#include "core/evaluation/year_changes.h"

#include <algorithm>
#include <map>

#include "core/problem_catalog.h"
#include "core/text/plan_number.h"

namespace planscore::core {
namespace {

// Scores, weights and achievements are printed with two decimals everywhere.
constexpr int kScoreDecimals = 2;

// `value` as printed with `decimals` digits, trailing zeros dropped ("90", "12.77").
std::string figure(std::optional<double> value, int decimals) {
  if (!value) return std::string(kNoValueMark);
  std::string text = format_plan_number(*value, decimals, NumberStyle::plain);
  if (text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

class ChangeList {
 public:
  ChangeList(int year, std::size_t limit) : year_(std::to_string(year)), limit_(limit) {}

  void compare(const std::string& item, std::string_view code, std::optional<double> before,
               std::optional<double> after, int decimals) {
    compare_text(item, code, figure(before, decimals), figure(after, decimals));
  }
  void compare_text(const std::string& item, std::string_view code, const std::string& before,
                    const std::string& after) {
    if (before != after)
      add(item, code, {{"year", year_}, {"item", item}, {"before", before}, {"after", after}});
  }
  void add(const std::string& item, std::string_view code, ProblemParams params) {
    if (problems_.size() < limit_)
      problems_.push_back(coded_problem("years." + year_ + "." + item, code, std::move(params)));
  }
  const std::string& year() const { return year_; }
  Problems take() { return std::move(problems_); }

 private:
  std::string year_;
  std::size_t limit_;
  Problems problems_;
};

void compare_indicators(ChangeList& changes, const YearEvaluation& before,
                        const YearEvaluation& after) {
  std::map<std::string, const IndicatorResult*> proposed;
  for (const auto& row : after.indicators) proposed.emplace(row.indicator->id, &row);
  for (const auto& old_row : before.indicators) {
    const std::string& id = old_row.indicator->id;
    auto found = proposed.find(id);
    if (found == proposed.end()) {
      changes.add(id, "locked_year_indicator_removed", {{"year", changes.year()}, {"item", id}});
      continue;
    }
    const IndicatorResult& new_row = *found->second;
    proposed.erase(found);
    const int decimals = std::max(old_row.indicator->decimals, new_row.indicator->decimals);
    changes.compare(id, "locked_year_target", old_row.target, new_row.target,
                    std::max(decimals, kScoreDecimals));
    changes.compare(id, "locked_year_weight", old_row.indicator->weight, new_row.indicator->weight,
                    kScoreDecimals);
    changes.compare(id, "locked_year_value", old_row.actual.value, new_row.actual.value, decimals);
    changes.compare_text(id, "locked_year_light", old_row.light, new_row.light);
    changes.compare(id, "locked_year_score", old_row.score, new_row.score, kScoreDecimals);
  }
  for (const auto& row : after.indicators)
    if (proposed.contains(row.indicator->id))
      changes.add(row.indicator->id, "locked_year_indicator_added",
                  {{"year", changes.year()}, {"item", row.indicator->id}});
}

void compare_rollups(ChangeList& changes, const std::vector<RollUp>& before,
                     const std::vector<RollUp>& after) {
  for (const auto& old_rollup : before) {
    auto found = std::find_if(after.begin(), after.end(),
                              [&](const RollUp& rollup) { return rollup.id == old_rollup.id; });
    // A goal that disappears takes its indicators with it, and they are named already.
    if (found == after.end()) continue;
    changes.compare(old_rollup.id, "locked_year_weight", old_rollup.weight, found->weight,
                    kScoreDecimals);
    changes.compare(old_rollup.id, "locked_year_score", old_rollup.score, found->score,
                    kScoreDecimals);
  }
}

}  // namespace

Problems year_changes(const YearEvaluation& before, const YearEvaluation& after,
                      std::size_t limit) {
  ChangeList changes(before.year, limit);
  compare_indicators(changes, before, after);
  compare_rollups(changes, before.goals, after.goals);
  compare_rollups(changes, before.dimensions, after.dimensions);
  changes.compare("total", "locked_year_score", before.total_score, after.total_score,
                  kScoreDecimals);
  return changes.take();
}

}  // namespace planscore::core
