#pragma once
// A run of ROC years, first to last inclusive: what a metric is evaluated over. Most
// evaluation is for one plan year; narrative chapters and the statistics view also ask
// for spans such as 100–103.
#include <string>

namespace planscore::core {

struct YearRange {
  int first = 0;
  int last = 0;

  // One year is a range of one; implicit so every "evaluate in year Y" reads naturally.
  YearRange(int year) : first(year), last(year) {}  // NOLINT(google-explicit-constructor)
  YearRange(int first_year, int last_year) : first(first_year), last(last_year) {}

  int length() const { return last - first + 1; }
  // The range `periods` lengths earlier: previous() of a span is the span before it.
  YearRange earlier(int periods) const {
    return {first - periods * length(), last - periods * length()};
  }
  // "104" or "100-103", also the cache key.
  std::string text() const {
    return first == last ? std::to_string(first)
                         : std::to_string(first) + "-" + std::to_string(last);
  }
  auto operator<=>(const YearRange&) const = default;
};

}  // namespace planscore::core
