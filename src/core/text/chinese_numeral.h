#pragma once
// Chinese numerals as plans number their parts: 一、二 … 十、十一 … 二十三.
#include <string>

namespace planscore::core {

// 1–99 in Chinese (十 for 10, 十一 for 11, 二十 for 20); other numbers in digits.
std::string chinese_numeral(int number);

}  // namespace planscore::core
