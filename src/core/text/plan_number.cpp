#include "core/text/plan_number.h"

#include <array>
#include <charconv>
#include <cmath>

namespace planscore::core {
namespace {

// A non-negative decimal number as digits, with the sign apart: rounding works on the
// magnitude, which makes "half up" there "half away from zero" for the value.
struct Decimal {
  bool negative = false;
  std::string integer;  // at least "0", no leading zeros otherwise
  std::string fraction;

  bool is_zero() const {
    return integer.find_first_not_of('0') == std::string::npos &&
           fraction.find_first_not_of('0') == std::string::npos;
  }
};

void strip_leading_zeros(std::string& digits) {
  const auto first = digits.find_first_not_of('0');
  digits = first == std::string::npos ? "0" : digits.substr(first);
}

Decimal to_decimal(double value) {
  // Enough for the longest fixed form of a double (a subnormal's "0.000…" of ~330 chars).
  std::array<char, 400> buffer{};
  const auto [end, error] =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed);
  std::string text = error == std::errc{} ? std::string(buffer.data(), end) : std::to_string(value);
  Decimal decimal;
  if (!text.empty() && text[0] == '-') {
    decimal.negative = true;
    text.erase(0, 1);
  }
  const auto point = text.find('.');
  decimal.integer = text.substr(0, point);
  if (point != std::string::npos) decimal.fraction = text.substr(point + 1);
  strip_leading_zeros(decimal.integer);
  return decimal;
}

Decimal rounded(Decimal decimal, std::size_t decimals) {
  const bool up = decimal.fraction.size() > decimals && decimal.fraction[decimals] >= '5';
  decimal.fraction.resize(decimals, '0');
  if (up) {
    std::string digits = decimal.integer + decimal.fraction;
    std::size_t at = digits.size();
    while (at > 0 && digits[at - 1] == '9') digits[--at] = '0';
    if (at == 0)
      digits.insert(digits.begin(), '1');
    else
      ++digits[at - 1];
    decimal.integer = digits.substr(0, digits.size() - decimals);
    decimal.fraction = digits.substr(digits.size() - decimals);
    strip_leading_zeros(decimal.integer);
  }
  // "-0" is not a number anyone prints.
  if (decimal.is_zero()) decimal.negative = false;
  return decimal;
}

// The same number divided by 10,000, exactly: the point moves four digits left.
Decimal in_wan(Decimal decimal) {
  std::string integer = decimal.integer;
  if (integer.size() < 5) integer.insert(0, 5 - integer.size(), '0');
  decimal.fraction = integer.substr(integer.size() - 4) + decimal.fraction;
  decimal.integer = integer.substr(0, integer.size() - 4);
  strip_leading_zeros(decimal.integer);
  return decimal;
}

std::string with_thousands(const std::string& integer) {
  std::string text;
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) text += ',';
    text += integer[i];
  }
  return text;
}

std::string written(const Decimal& decimal, const std::string& integer_text) {
  return (decimal.negative ? "-" : "") + integer_text +
         (decimal.fraction.empty() ? "" : "." + decimal.fraction);
}

}  // namespace

std::string format_plan_number(double value, int decimals, NumberStyle style) {
  if (!std::isfinite(value)) return std::string(kNoValueMark);
  const auto places = static_cast<std::size_t>(decimals < 0 ? 0 : decimals);
  const Decimal exact = to_decimal(value);
  const Decimal shown = rounded(exact, places);
  const bool large = shown.integer.size() > 4;
  if (style == NumberStyle::wan && large) {
    const auto split = shown.integer.size() - 4;
    const std::string rest = shown.integer.substr(split);
    return written(shown, with_thousands(shown.integer.substr(0, split)) + " 萬 " + rest[0] + "," +
                              rest.substr(1));
  }
  if (style == NumberStyle::approximate_wan && large) {
    const Decimal wan = rounded(in_wan(exact), 0);
    return written(wan, with_thousands(wan.integer) + " 萬");
  }
  return written(shown, style == NumberStyle::bare ? shown.integer : with_thousands(shown.integer));
}

}  // namespace planscore::core
