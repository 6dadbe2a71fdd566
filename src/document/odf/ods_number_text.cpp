#include "document/odf/ods_number_text.h"

#include <algorithm>
#include <charconv>

namespace planscore::document::odf {
namespace {

std::string fixed(double value, int decimals) {
  char buffer[400];  // %f of the largest double has 309 digits before the point
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  return std::string(buffer, result.ptr);
}

// "-1234567.50" → "-1,234,567.50".
std::string grouped(const std::string& number) {
  const std::size_t start = number.starts_with('-') ? 1 : 0;
  const std::size_t point = std::min(number.find('.'), number.size());
  std::string result = number.substr(0, start);
  for (std::size_t i = start; i < point; ++i) {
    if (i > start && (point - i) % 3 == 0) result += ',';
    result += number[i];
  }
  return result + number.substr(point);
}

}  // namespace

std::string value_text(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

int shown_decimals(NumberFormat format, int decimals) {
  if (format == NumberFormat::decimal || format == NumberFormat::percent)
    return std::clamp(decimals, 0, 15);
  return 0;
}

std::string display_text(double value, NumberFormat format, int decimals) {
  const int places = shown_decimals(format, decimals);
  switch (format) {
    case NumberFormat::integer:
    case NumberFormat::decimal:
      return grouped(fixed(value, places));
    case NumberFormat::percent:
      return fixed(value * 100, places) + "%";
    case NumberFormat::general:
      break;
  }
  return value_text(value);
}

}  // namespace planscore::document::odf
