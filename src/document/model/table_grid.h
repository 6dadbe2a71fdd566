#pragma once
// Places a Table's cells on its grid, resolving column and row spans, so every writer
// sees the same layout (PDF draws boxes; ODT writes covered cells).
#include <cstddef>
#include <vector>

#include "document/model/document.h"

namespace planscore::document {

struct GridSlot {
  const Cell* cell = nullptr;  // the cell whose box covers this slot
  bool origin = false;         // true at the cell's top-left slot, where it is written
};

struct TableGrid {
  std::size_t columns = 0;
  std::vector<std::vector<GridSlot>> rows;  // rows × columns; a slot no cell covers is null
};

// Throws std::invalid_argument when a row is wider than column_widths or a span runs
// past the last row: a builder bug, not user input.
TableGrid table_grid(const Table& table);

}  // namespace planscore::document
