#include "document/build/annual_report.h"

#include <fmt/format.h>

#include <stdexcept>

#include "core/evaluation/scoring_note.h"
#include "core/text/chinese_numeral.h"
#include "document/build/annual_tables.h"
#include "document/build/figures.h"
#include "document/build/lights.h"

namespace planscore::document {
namespace {

const core::YearEvaluation& evaluation_of(const AnnualReportInput& input, int year) {
  for (const auto& evaluation : input.evaluations)
    if (evaluation.year == year) return evaluation;
  throw std::invalid_argument("no evaluation of year " + std::to_string(year));
}

std::string overview_text(const AnnualReportInput& input, const core::YearEvaluation& evaluation) {
  const auto& policy = input.plan->policy;
  std::string text =
      fmt::format("本年度（{} 年度）共 {} 項衡量指標，總分 {} 分（滿分 100 分{}）。", input.year,
                  evaluation.indicators.size(), format_score(evaluation.total_score),
                  evaluation.complete ? "" : "；有實際值的指標不足，總分未完成，僅供參考");
  std::vector<std::string> counts;
  for (const auto& light : policy.lights) {
    int count = 0;
    for (const auto& result : evaluation.indicators) count += result.light == light.id ? 1 : 0;
    counts.push_back(fmt::format("{} {} 項", light_text(policy, light.id), count));
  }
  text += "燈號：" + fmt::format("{}", fmt::join(counts, "、")) + "。";
  if (evaluation.no_value_count > 0)
    text += fmt::format("其中 {} 項尚無實際值。", evaluation.no_value_count);
  text += input.locked_years.contains(input.year) ? "本年度評核結果已鎖定。"
                                                  : "本年度評核尚未鎖定，數值仍可能變動。";
  return text;
}

// Why an indicator has no value, in the report's language (the evaluation's own note is
// for logs and the API).
std::string no_value_text(const core::IndicatorResult& result, int year) {
  const auto& actual = result.actual;
  if (result.not_a_stage)
    return fmt::format("無實際值：數值 {} 不是任何階段的百分比（階段：{}）。",
                       format_figure(*result.not_a_stage, 4),
                       core::stage_list(result.indicator->stages));
  switch (actual.source) {
    case core::ValueSource::formula:
      return fmt::format("無實際值：計算公式所需的 {} 年度資料尚無紀錄。", year);
    case core::ValueSource::manual:
      return "無實際值。";
    case core::ValueSource::none:
      break;
  }
  return fmt::format("無實際值：{} 年度實際值尚未填報。", year);
}

void add_explanations(std::vector<Block>& blocks, const AnnualReportInput& input,
                      const core::YearEvaluation& evaluation) {
  const auto& policy = input.plan->policy;
  for (const auto& result : evaluation.indicators) {
    const auto& indicator = *result.indicator;
    blocks.push_back(Heading{.level = 3, .text = indicator.name, .in_contents = false});
    blocks.push_back(Paragraph{
        .text = fmt::format("目標值 {}，實際值 {}，達成度 {}，燈號 {}，得分 {}。",
                            result.target ? format_result_target(indicator, *result.target) : "—",
                            format_actual(indicator, result.actual.value),
                            format_percent(result.achievement), light_text(policy, result.light),
                            format_score(result.score)),
        .indent = 1});
    if (!result.actual.value)
      blocks.push_back(Paragraph{.text = no_value_text(result, input.year), .indent = 1});
    const auto review = input.reviews.find(indicator.id);
    const std::string explanation =
        review == input.reviews.end() || review->second.explanation.empty()
            ? "（未填寫說明）"
            : review->second.explanation;
    blocks.push_back(Paragraph{.text = "說明：" + explanation, .indent = 1});
  }
}

// The evaluations of the report's year and the years before it.
std::vector<core::YearEvaluation> years_up_to_report(const AnnualReportInput& input) {
  std::vector<core::YearEvaluation> years;
  for (const auto& evaluation : input.evaluations)
    if (evaluation.year <= input.year) years.push_back(evaluation);
  return years;
}

Chart goal_trend_chart(const core::Plan& plan, const std::vector<core::YearEvaluation>& years) {
  Chart chart;
  chart.title = "各策略績效目標得分率（得分 ÷ 權重）";
  chart.value_label = "%";
  for (const auto& evaluation : years) chart.categories.push_back(std::to_string(evaluation.year));
  for (const auto& dimension : plan.dimensions)
    for (const auto& goal : dimension.goals) {
      ChartSeries series{.name = dimension.name + core::chinese_numeral(goal.number) + " " +
                                 goal.name.substr(0, goal.name.find("，")),
                         .values = {}};
      for (const auto& evaluation : years) {
        std::optional<double> rate;
        for (const auto& rollup : evaluation.goals)
          if (rollup.id == goal.id && rollup.weight > 0) rate = rollup.score / rollup.weight * 100;
        series.values.push_back(rate);
      }
      chart.series.push_back(std::move(series));
    }
  return chart;
}

}  // namespace

std::string review_state_label(const std::string& state) {
  if (state == "draft") return "草稿";
  if (state == "submitted") return "已送出";
  if (state == "first_reviewed") return "已初核";
  if (state == "second_reviewed") return "已複核";
  if (state == "returned") return "退回修正";
  return state;
}

Document annual_report(const AnnualReportInput& input) {
  const auto& plan = *input.plan;
  const auto& evaluation = evaluation_of(input, input.year);
  Document document;
  document.title = fmt::format("{} {} 年度績效報告", plan.name, input.year);
  document.running_header = document.title;
  document.page_number_prefix = "";
  document.cover =
      Cover{plan.name, fmt::format("{} 年度績效報告", input.year), roc_date(input.generated_on)};
  auto& blocks = document.blocks;
  blocks.push_back(ContentsTable{"【目 錄】"});
  blocks.push_back(PageBreak{});

  blocks.push_back(Heading{.level = 1, .text = "壹、評核結果總覽"});
  blocks.push_back(Paragraph{.text = overview_text(input, evaluation)});
  blocks.push_back(dimension_summary_table(evaluation));
  blocks.push_back(Paragraph{
      .text = "計分說明：" + core::scoring_note(evaluation, core::Language::traditional_chinese),
      .small = true});

  blocks.push_back(Heading{.level = 1, .text = "貳、衡量指標評核結果"});
  int d = 0;
  for (const auto& dimension : plan.dimensions) {
    blocks.push_back(
        Heading{.level = 2, .text = core::chinese_numeral(++d) + "、" + dimension.name + "面向"});
    blocks.push_back(indicator_results_table(plan, dimension, evaluation, input.reviews));
  }

  blocks.push_back(Heading{.level = 1, .text = "參、衡量指標說明"});
  add_explanations(blocks, input, evaluation);

  blocks.push_back(Heading{.level = 1, .text = "肆、歷年得分趨勢"});
  const auto years = years_up_to_report(input);
  blocks.push_back(goal_trend_chart(plan, years));
  blocks.push_back(goal_history_table(plan, years, input.locked_years));
  return document;
}

}  // namespace planscore::document
