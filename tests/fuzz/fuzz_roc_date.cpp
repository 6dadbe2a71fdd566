// Any text as a date: parse_date must not crash, and a date it accepts must be a real
// calendar date whose ISO text parses back to the same date (the database keeps the ISO
// text, so a date that did not survive it would change on the way in).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/calendar/roc.h"

namespace {

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace planscore::core;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto date = parse_date(text);
  if (!date) return 0;
  // ROC years 1–200 and their Gregorian years: anything else is a typo, not a date.
  if (date->year < to_gregorian_year(1) || date->year > to_gregorian_year(200)) __builtin_trap();
  if (date->month < 1 || date->month > 12) __builtin_trap();
  if (date->day < 1 || date->day > days_in_month(date->year, date->month)) __builtin_trap();
  const std::string iso = date->iso();
  if (iso.size() != 10) __builtin_trap();
  const auto again = parse_date(iso);
  if (!again || *again != *date) __builtin_trap();
  return 0;
}
