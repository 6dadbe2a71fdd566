#include "core/text/chinese_numeral.h"

#include <array>

namespace planscore::core {

std::string chinese_numeral(int number) {
  static constexpr std::array<const char*, 10> kDigits = {"",   "一", "二", "三", "四",
                                                          "五", "六", "七", "八", "九"};
  if (number < 1 || number > 99) return std::to_string(number);
  const int tens = number / 10;
  const int ones = number % 10;
  std::string text;
  if (tens > 1) text += kDigits[tens];
  if (tens > 0) text += "十";
  text += kDigits[ones];
  return text;
}

}  // namespace planscore::core
