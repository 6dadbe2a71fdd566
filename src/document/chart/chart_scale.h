#pragma once
// The value axis of a line chart: a range that covers the data, cut at round steps.
#include <string>
#include <vector>

#include "document/model/document.h"

namespace planscore::document {

struct ValueScale {
  double low = 0;
  double high = 1;
  double step = 0.2;
  int decimals = 1;  // enough to tell the tick labels apart

  std::vector<double> ticks() const;
  std::string label(double value) const;
  // 0 at low, 1 at high.
  double fraction(double value) const { return (value - low) / (high - low); }
};

ValueScale value_scale(const Chart& chart);

}  // namespace planscore::document
