#include "document/model/table_grid.h"

#include <stdexcept>
#include <string>

namespace planscore::document {

TableGrid table_grid(const Table& table) {
  TableGrid grid;
  grid.columns = table.column_widths.size();
  grid.rows.assign(table.rows.size(), std::vector<GridSlot>(grid.columns));
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    std::size_t column = 0;
    for (const Cell& cell : table.rows[r]) {
      while (column < grid.columns && grid.rows[r][column].cell != nullptr) ++column;
      const auto width = static_cast<std::size_t>(cell.column_span);
      const auto height = static_cast<std::size_t>(cell.row_span);
      if (cell.column_span < 1 || cell.row_span < 1 || column + width > grid.columns)
        throw std::invalid_argument("table row " + std::to_string(r + 1) + " is wider than " +
                                    std::to_string(grid.columns) + " columns");
      if (r + height > table.rows.size())
        throw std::invalid_argument("a cell in table row " + std::to_string(r + 1) +
                                    " spans past the last row");
      for (std::size_t dr = 0; dr < height; ++dr)
        for (std::size_t dc = 0; dc < width; ++dc) {
          GridSlot& slot = grid.rows[r + dr][column + dc];
          if (slot.cell != nullptr)
            throw std::invalid_argument("cells overlap in table row " + std::to_string(r + dr + 1));
          slot = {&cell, dr == 0 && dc == 0};
        }
      column += width;
    }
  }
  return grid;
}

}  // namespace planscore::document
