#include "document/build/figures.h"

#include <fmt/format.h>

#include <cmath>

#include "core/calendar/roc.h"

namespace planscore::document {
namespace {

std::string group_thousands(const std::string& digits) {
  std::string grouped;
  const auto length = digits.size();
  for (std::size_t i = 0; i < length; ++i) {
    if (i > 0 && (length - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

std::string grouped_fixed(double value, int decimals, bool trim_zeros) {
  // Half away from zero, as people round by hand (printf rounds 95.25 to 95.2).
  const double scale = std::pow(10.0, decimals);
  const double rounded = std::round(std::fabs(value) * scale) / scale;
  std::string text = fmt::format("{:.{}f}", rounded, decimals);
  const auto point = text.find('.');
  std::string whole = text.substr(0, point);
  std::string fraction = point == std::string::npos ? "" : text.substr(point + 1);
  if (trim_zeros)
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  std::string result = group_thousands(whole);
  if (!fraction.empty()) result += "." + fraction;
  const bool negative = value < 0 && result.find_first_not_of("0.,") != std::string::npos;
  return negative ? "-" + result : result;
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
