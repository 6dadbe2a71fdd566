#include "document/build/figures.h"

#include <fmt/format.h>

#include "core/calendar/roc.h"
#include "core/text/plan_number.h"

namespace planscore::document {
namespace {

// Grouped and rounded as core::format_plan_number does everywhere (half away from zero,
// judged on the number as written, so 2.675 prints 2.68).
std::string grouped_fixed(double value, int decimals, bool trim_zeros) {
  std::string text = core::format_plan_number(value, decimals);
  if (trim_zeros && text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

}  // namespace

std::string format_figure(double value, int max_decimals) {
  return grouped_fixed(value, max_decimals, true);
}

std::string format_fixed(double value, int decimals) {
  return grouped_fixed(value, decimals, false);
}

std::string format_percent(std::optional<double> percent) {
  if (!percent) return "—";
  return format_fixed(*percent, 1) + "%";
}

std::string format_score(std::optional<double> score) {
  return score ? format_fixed(*score, 2) : "—";
}

std::string format_weight(double weight) {
  return format_figure(weight) + "%";
}

std::string format_amount(double amount) {
  return format_figure(amount);
}

std::string format_target(const core::Indicator& indicator, double target) {
  const std::string number = format_figure(target, 4) + indicator.unit;
  return indicator.kind == core::IndicatorKind::lower_is_better ? "≤" + number : number;
}

std::string format_result_target(const core::Indicator& indicator, double target) {
  if (indicator.kind == core::IndicatorKind::yes_no) return target >= 0.5 ? "是" : "否";
  return format_target(indicator, target);
}

std::string format_actual(const core::Indicator& indicator, std::optional<double> actual) {
  if (!actual) return "—";
  if (indicator.kind == core::IndicatorKind::yes_no) return *actual >= 0.5 ? "是" : "否";
  const std::string figure = format_fixed(*actual, indicator.decimals) + indicator.unit;
  if (const auto* stage = indicator.stage_at(*actual)) return figure + "（" + stage->name + "）";
  return figure;
}

std::string plan_period(const core::Plan& plan) {
  return fmt::format("{} 至 {} 年度", plan.first_year, plan.last_year);
}

std::string plan_title(const core::Plan& plan) {
  return plan.name + "(" + plan_period(plan) + ")";
}

std::string roc_month(const std::string& iso_date) {
  const auto date = core::parse_date(iso_date);
  if (!date) return "";
  return fmt::format("中華民國 {} 年 {} 月", core::to_roc_year(date->year), date->month);
}

std::string roc_date(const std::string& iso_date) {
  const auto date = core::parse_date(iso_date);
  if (!date) return "";
  return fmt::format("中華民國 {} 年 {} 月 {} 日", core::to_roc_year(date->year), date->month,
                     date->day);
}

}  // namespace planscore::document
