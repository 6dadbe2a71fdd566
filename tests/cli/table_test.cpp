#include "cli/table.h"

#include <gtest/gtest.h>

namespace planscore::cli {
namespace {

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
