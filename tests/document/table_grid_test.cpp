#include "document/model/table_grid.h"

#include <gtest/gtest.h>

namespace planscore::document {
namespace {

Cell cell(std::string text, int columns = 1, int rows = 1) {
  Cell made;
  made.text = std::move(text);
  made.column_span = columns;
  made.row_span = rows;
  return made;
}

TEST(TableGrid, PlacesSpannedCellsAndSkipsCoveredSlots) {
  Table table;
  table.column_widths = {1, 1, 1};
  table.rows = {{cell("goal", 1, 2), cell("a"), cell("b")}, {cell("c", 2)}};
  const auto grid = table_grid(table);
  ASSERT_EQ(grid.rows.size(), 2u);
  EXPECT_EQ(grid.rows[0][0].cell->text, "goal");
  EXPECT_TRUE(grid.rows[0][0].origin);
  EXPECT_EQ(grid.rows[1][0].cell->text, "goal");
  EXPECT_FALSE(grid.rows[1][0].origin);
  EXPECT_EQ(grid.rows[1][1].cell->text, "c");
  EXPECT_EQ(grid.rows[1][2].cell->text, "c");
  EXPECT_FALSE(grid.rows[1][2].origin);
}

TEST(TableGrid, RefusesRowsWiderThanTheTableAndSpansPastTheEnd) {
  Table wide;
  wide.column_widths = {1, 1};
  wide.rows = {{cell("a"), cell("b", 2)}};
  EXPECT_THROW(table_grid(wide), std::invalid_argument);
  Table tall;
  tall.column_widths = {1};
  tall.rows = {{cell("a", 1, 3)}, {}};
  EXPECT_THROW(table_grid(tall), std::invalid_argument);
}

TEST(TableGrid, ShortRowsLeaveEmptySlots) {
  Table table;
  table.column_widths = {1, 1};
  table.rows = {{cell("only")}};
  const auto grid = table_grid(table);
  EXPECT_EQ(grid.rows[0][1].cell, nullptr);
}

}  // namespace
}  // namespace planscore::document
