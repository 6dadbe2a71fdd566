#include "core/text/display_width.h"

#include <gtest/gtest.h>

namespace planscore::core {
namespace {

TEST(DisplayWidth, OfAscii) {
  EXPECT_EQ(display_width(""), 0);
  EXPECT_EQ(display_width("abc 12"), 6);
}

TEST(DisplayWidth, CountsWideCharactersTwice) {
  EXPECT_EQ(display_width("日期"), 4);
  EXPECT_EQ(display_width("研習、訓練（進階），"), 20);  // CJK and full-width punctuation
  EXPECT_EQ(display_width("１２３"), 6);                 // full-width digits
  EXPECT_EQ(display_width("한국어"), 6);                 // Hangul
  EXPECT_EQ(display_width("カタカナ"), 8);               // kana
  EXPECT_EQ(display_width("a日b"), 4);
}

TEST(DisplayWidth, IgnoresCombiningMarks) {
  EXPECT_EQ(display_width("e\xCC\x81"), 1);                 // e + COMBINING ACUTE ACCENT
  EXPECT_EQ(display_width("\xE2\x80\x8B"), 0);              // ZERO WIDTH SPACE
  EXPECT_EQ(display_width("\xE3\x81\x8B\xE3\x82\x99"), 2);  // か + combining voiced mark
}

TEST(DisplayWidth, CountsInvalidBytesOnce) {
  EXPECT_EQ(display_width("\xA4\xE9"), 2);
  EXPECT_EQ(display_width("\xE6\x97"), 2);  // truncated 日
}

}  // namespace
}  // namespace planscore::core
