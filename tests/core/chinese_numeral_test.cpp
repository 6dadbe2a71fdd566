#include "core/text/chinese_numeral.h"

#include <gtest/gtest.h>

namespace planscore::core {
namespace {

TEST(ChineseNumeral, WritesOneToNinetyNine) {
  EXPECT_EQ(chinese_numeral(1), "一");
  EXPECT_EQ(chinese_numeral(9), "九");
  EXPECT_EQ(chinese_numeral(10), "十");
  EXPECT_EQ(chinese_numeral(11), "十一");
  EXPECT_EQ(chinese_numeral(20), "二十");
  EXPECT_EQ(chinese_numeral(23), "二十三");
  EXPECT_EQ(chinese_numeral(99), "九十九");
}

TEST(ChineseNumeral, FallsBackToDigitsOutsideItsRange) {
  EXPECT_EQ(chinese_numeral(0), "0");
  EXPECT_EQ(chinese_numeral(100), "100");
  EXPECT_EQ(chinese_numeral(-3), "-3");
}

}  // namespace
}  // namespace planscore::core
