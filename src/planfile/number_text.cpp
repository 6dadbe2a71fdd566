#include "planfile/number_text.h"

#include <charconv>
#include <cmath>

#include "core/text/shortest_number.h"

namespace planscore::planfile {
namespace {

// from_chars accepts "inf" and "nan" spellings; a plan's figures are always digits.
bool looks_numeric(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'))
      return false;
  return true;
}

}  // namespace

std::string format_number(double value) {
  return core::shortest_number(value);
}

std::optional<double> parse_number(std::string_view text) {
  if (!looks_numeric(text) || text.front() == '+') return std::nullopt;
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<int> parse_int(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace planscore::planfile
