#pragma once
// A Table measured for the page: column positions, each cell's wrapped text, row heights
// that fit every cell (spanning ones too), and the row groups a page break must not
// split because a row span joins them.
#include <cairo.h>

#include <cstddef>
#include <vector>

#include "document/model/document.h"
#include "document/pdf/text_block.h"

namespace planscore::document::pdf {

inline constexpr double cell_padding_x = 4;
inline constexpr double cell_padding_y = 3;

struct CellBox {
  const Cell* cell = nullptr;
  std::size_t row = 0;  // the top-left grid slot
  std::size_t column = 0;
  std::size_t row_span = 1;
  std::size_t column_span = 1;
  double x = 0;  // from the table's left edge
  double width = 0;
  TextBlock text;
};

struct RowRange {
  std::size_t begin = 0;
  std::size_t end = 0;  // one past the last row
};

struct TableLayout {
  std::vector<CellBox> cells;  // in reading order of their top-left slots
  std::vector<double> row_heights;
  // Rows [0, header_end) repeat on each page; header_rows widened to whole row groups.
  std::size_t header_end = 0;
  std::vector<RowRange> groups;  // the body rows, in groups that stay together

  double rows_height(std::size_t from, std::size_t to) const;
  double header_height() const { return rows_height(0, header_end); }
};

// Throws std::invalid_argument for a malformed table (see table_grid()).
TableLayout layout_table(cairo_t* cr, const Table& table, double width);

// Draws rows [from, to) with the top of row `from` at (x, y). A cell whose span crosses
// the range edge is drawn as the part of its box inside the range; its text appears only
// in the part holding its first row.
void draw_table_rows(cairo_t* cr, const TableLayout& layout, std::size_t from, std::size_t to,
                     double x, double y);

}  // namespace planscore::document::pdf
