#include "cli/table.h"

#include <gtest/gtest.h>

#include "cli/display_width.h"

namespace planscore::cli {
namespace {

TEST(Table, DisplayWidthOfAscii) {
  EXPECT_EQ(display_width(""), 0);
  EXPECT_EQ(display_width("abc 12"), 6);
}

TEST(Table, DisplayWidthCountsWideCharactersTwice) {
  EXPECT_EQ(display_width("日期"), 4);
  EXPECT_EQ(display_width("研習、訓練（進階），"), 20);  // CJK and full-width punctuation
  EXPECT_EQ(display_width("１２３"), 6);                 // full-width digits
  EXPECT_EQ(display_width("한국어"), 6);                 // Hangul
  EXPECT_EQ(display_width("カタカナ"), 8);               // kana
  EXPECT_EQ(display_width("a日b"), 4);
}

TEST(Table, DisplayWidthIgnoresCombiningMarks) {
  EXPECT_EQ(display_width("e\xCC\x81"), 1);                 // e + COMBINING ACUTE ACCENT
  EXPECT_EQ(display_width("\xE2\x80\x8B"), 0);              // ZERO WIDTH SPACE
  EXPECT_EQ(display_width("\xE3\x81\x8B\xE3\x82\x99"), 2);  // か + combining voiced mark
}

TEST(Table, DisplayWidthCountsInvalidBytesOnce) {
  EXPECT_EQ(display_width("\xA4\xE9"), 2);
  EXPECT_EQ(display_width("\xE6\x97"), 2);  // truncated 日
}

TEST(Table, AlignsColumnsWithUnderline) {
  const std::string table =
      format_table({"name", "count"}, {{"a", "5"}, {"longer", "12"}}, {false, true});
  EXPECT_EQ(table,
            "name    count\n"
            "------  -----\n"
            "a           5\n"
            "longer     12\n");
}

TEST(Table, AlignsChineseByDisplayWidth) {
  const std::string table =
      format_table({"科室", "人數"}, {{"秘書室", "35"}, {"總務科", "1,229"}}, {false, true});
  EXPECT_EQ(table,
            "科室     人數\n"
            "------  -----\n"
            "秘書室     35\n"
            "總務科  1,229\n");
}

TEST(Table, MissingCellsAndAlignmentEntriesAreBlankAndLeft) {
  const std::string table = format_table({"a", "b", "c"}, {{"1"}, {"22", "", "3"}}, {});
  EXPECT_EQ(table,
            "a   b  c\n"
            "--  -  -\n"
            "1\n"
            "22     3\n");
}

TEST(Table, LineBreaksInCellsBecomeSpaces) {
  EXPECT_EQ(format_table({"x"}, {{"a\nb"}}, {}), "x\n---\na b\n");
}

TEST(Table, NoColumnsIsEmpty) {
  EXPECT_EQ(format_table({}, {}, {}), "");
}

}  // namespace
}  // namespace planscore::cli
