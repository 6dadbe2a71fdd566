#include "document/chart/chart_scale.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace planscore::document {
namespace {

constexpr int wanted_intervals = 5;

double round_step(double raw) {
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double normal = raw / magnitude;
  if (normal <= 1) return magnitude;
  if (normal <= 2) return 2 * magnitude;
  if (normal <= 5) return 5 * magnitude;
  return 10 * magnitude;
}

}  // namespace

std::vector<double> ValueScale::ticks() const {
  std::vector<double> values;
  const int count = static_cast<int>(std::lround((high - low) / step));
  for (int i = 0; i <= count; ++i) values.push_back(low + i * step);
  return values;
}

std::string ValueScale::label(double value) const {
  if (std::abs(value) < step / 1e6) value = 0;  // no "-0"
  return fmt::format("{:.{}f}", value, decimals);
}

ValueScale value_scale(const Chart& chart) {
  double low = std::numeric_limits<double>::infinity();
  double high = -std::numeric_limits<double>::infinity();
  for (const ChartSeries& series : chart.series)
    for (const auto& value : series.values)
      if (value && std::isfinite(*value)) {
        low = std::min(low, *value);
        high = std::max(high, *value);
      }
  if (low > high) {  // no points: an empty frame
    low = 0;
    high = 1;
  }
  if (high - low < 1e-9) {  // one level: give the line room above and below
    const double pad = std::max(std::abs(high) * 0.1, 1.0);
    low -= pad;
    high += pad;
  }
  ValueScale scale;
  scale.step = round_step((high - low) / wanted_intervals);
  scale.low = std::floor(low / scale.step) * scale.step;
  scale.high = std::ceil(high / scale.step) * scale.step;
  scale.decimals = std::clamp(static_cast<int>(-std::floor(std::log10(scale.step))), 0, 4);
  return scale;
}

}  // namespace planscore::document
