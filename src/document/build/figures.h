#pragma once
// Numbers and dates as the agency's documents print them.
#include <optional>
#include <string>

#include "core/plan/plan.h"

namespace planscore::document {

// Thousands grouped, at most `max_decimals` places, trailing zeros dropped:
// 6904 → "6,904", 92.5 → "92.5", 1.0 → "1".
std::string format_figure(double value, int max_decimals = 2);
// As format_figure with exactly `decimals` places (actual values, scores).
std::string format_fixed(double value, int decimals);
// A percent with one place: 95.25 → "95.3%"; nullopt → "—". Achievements print so.
std::string format_percent(std::optional<double> percent);

// Each quantity as every page and document prints it; api/number-formats.json lists the
// cases, which the web app's formatters are tested against too.
// A score: two places, 91 → "91.00"; nullopt → "—".
std::string format_score(std::optional<double> score);
// A weight: at most two places, 7.5 → "7.5%".
std::string format_weight(double weight);
// An amount of money: grouped, at most two places, 1078000 → "1,078,000".
std::string format_amount(double amount);

// A target as the 衡量指標 table prints it: "500人", "5%", "≤200" for lower-is-better, and
// a yes-no indicator's 1 or 0 as the plan writes it.
std::string format_target(const core::Indicator& indicator, double target);
// A target beside its result, as the screens show it: as format_target, but a yes-no
// indicator's target is 是 or 否 like its actual value.
std::string format_result_target(const core::Indicator& indicator, double target);
// An actual value in the indicator's unit and decimals (是/否 for yes-no indicators; a
// milestone's with the stage reached: "50%（工程發包）");
// nullopt → "—".
std::string format_actual(const core::Indicator& indicator, std::optional<double> actual);

// "104 至 107 年度"
std::string plan_period(const core::Plan& plan);
// The plan's full title: "臺中市政府秘書處中程施政計畫(104 至 107 年度)"
std::string plan_title(const core::Plan& plan);
// An ISO date's month in ROC form: "2015-03-01" → "中華民國 104 年 3 月" (empty when the
// text is not a date).
std::string roc_month(const std::string& iso_date);
// An ISO date in ROC form: "2026-11-27" → "中華民國 115 年 11 月 27 日".
std::string roc_date(const std::string& iso_date);

}  // namespace planscore::document
