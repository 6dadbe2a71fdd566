#include "document/pdf/table_layout.h"

#include <algorithm>
#include <numeric>
#include <string_view>

#include "document/model/table_grid.h"
#include "document/pdf/page_style.h"

namespace planscore::document::pdf {
namespace {

// The runs of a text no line may break inside: ASCII between spaces, with ≤ — numbers with
// their separators, signs and units ("1,078,000", "(12.77%)", "≤200"). pango breaks such a
// run where its column is narrower, printing half a number on each line.
std::vector<std::string_view> unbreakable_runs(std::string_view text) {
  static constexpr std::string_view kAtMost = "≤";
  std::vector<std::string_view> runs;
  std::size_t start = std::string_view::npos;
  for (std::size_t i = 0; i <= text.size();) {
    const bool at_most = text.substr(i, kAtMost.size()) == kAtMost;
    const auto byte = i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
    const bool part = i < text.size() && (at_most || (byte > 0x20 && byte < 0x80));
    if (part && start == std::string_view::npos) start = i;
    if (!part && start != std::string_view::npos) {
      runs.push_back(text.substr(start, i - start));
      start = std::string_view::npos;
    }
    i += at_most ? kAtMost.size() : 1;
  }
  return runs;
}

// The least width of each column: its widest unbreakable run, padded (cells spanning
// columns are left out: they have their columns' widths together).
std::vector<double> least_widths(cairo_t* cr, const TableGrid& grid, double size) {
  std::vector<double> least(grid.columns, 0.0);
  for (const auto& row : grid.rows)
    for (std::size_t c = 0; c < grid.columns; ++c) {
      const GridSlot& slot = row[c];
      if (slot.cell == nullptr || !slot.origin || slot.cell->column_span != 1) continue;
      const TextStyle style{size, slot.cell->bold, Align::start, Colour{}};
      for (const auto run : unbreakable_runs(slot.cell->text))
        least[c] = std::max(least[c],
                            TextBlock(cr, run, style, 0).natural_width() + 2 * cell_padding_x + 1);
    }
  return least;
}

// Column edges from the table's relative widths, then each column too narrow for its
// widest number widened to it, the width taken from the columns with room to spare in
// proportion to that room. When the page is too narrow for every number, the relative
// widths stand.
std::vector<double> column_edges(cairo_t* cr, const Table& table, const TableGrid& grid,
                                 double width, double size) {
  const std::size_t columns = table.column_widths.size();
  double total = 0;
  for (double w : table.column_widths) total += std::max(w, 0.0);
  std::vector<double> widths(columns);
  for (std::size_t c = 0; c < columns; ++c)
    // Unusable relative widths fall back to equal columns rather than a zero-width mess.
    widths[c] = (total > 0 ? std::max(table.column_widths[c], 0.0) / total
                           : 1.0 / static_cast<double>(columns)) *
                width;
  const std::vector<double> least = least_widths(cr, grid, size);
  double missing = 0, spare = 0;
  for (std::size_t c = 0; c < columns; ++c) {
    missing += std::max(least[c] - widths[c], 0.0);
    spare += std::max(widths[c] - least[c], 0.0);
  }
  if (missing > 0 && spare >= missing)
    for (std::size_t c = 0; c < columns; ++c)
      widths[c] =
          widths[c] < least[c] ? least[c] : widths[c] - (widths[c] - least[c]) * missing / spare;
  std::vector<double> edges(columns + 1, 0.0);
  for (std::size_t c = 0; c < columns; ++c) edges[c + 1] = edges[c] + widths[c];
  return edges;
}

// Each body group runs until no row span from inside it reaches past its end.
std::vector<RowRange> row_groups(const std::vector<CellBox>& cells, std::size_t rows) {
  std::vector<std::size_t> reach(rows, 0);
  for (std::size_t r = 0; r < rows; ++r) reach[r] = r + 1;
  for (const CellBox& box : cells)
    reach[box.row] = std::max(reach[box.row], box.row + box.row_span);
  std::vector<RowRange> groups;
  std::size_t begin = 0;
  while (begin < rows) {
    std::size_t end = reach[begin];
    for (std::size_t r = begin; r < end; ++r) end = std::max(end, reach[r]);
    groups.push_back({begin, end});
    begin = end;
  }
  return groups;
}

void fit_row_heights(TableLayout& layout) {
  for (const CellBox& box : layout.cells)
    if (box.row_span == 1)
      layout.row_heights[box.row] =
          std::max(layout.row_heights[box.row], box.text.height() + 2 * cell_padding_y);
  // Short spans first, so a long span sees the heights the short ones settled.
  std::vector<const CellBox*> spanning;
  for (const CellBox& box : layout.cells)
    if (box.row_span > 1) spanning.push_back(&box);
  std::stable_sort(spanning.begin(), spanning.end(),
                   [](const CellBox* a, const CellBox* b) { return a->row_span < b->row_span; });
  for (const CellBox* box : spanning) {
    const std::size_t last = box->row + box->row_span;
    const double need = box->text.height() + 2 * cell_padding_y;
    const double have = layout.rows_height(box->row, last);
    if (need > have) layout.row_heights[last - 1] += need - have;
  }
}

void set_colour(cairo_t* cr, const Colour& colour) {
  cairo_set_source_rgb(cr, colour.red / 255.0, colour.green / 255.0, colour.blue / 255.0);
}

}  // namespace

double TableLayout::rows_height(std::size_t from, std::size_t to) const {
  to = std::min(to, row_heights.size());
  if (from >= to) return 0;
  return std::accumulate(row_heights.begin() + static_cast<std::ptrdiff_t>(from),
                         row_heights.begin() + static_cast<std::ptrdiff_t>(to), 0.0);
}

TableLayout layout_table(cairo_t* cr, const Table& table, double width) {
  const TableGrid grid = table_grid(table);
  const double size = table.small ? small_size : body_size;
  const std::vector<double> edges = column_edges(cr, table, grid, width, size);
  TableLayout layout;
  for (std::size_t r = 0; r < grid.rows.size(); ++r)
    for (std::size_t c = 0; c < grid.columns; ++c) {
      const GridSlot& slot = grid.rows[r][c];
      if (slot.cell == nullptr || !slot.origin) continue;
      const Cell& cell = *slot.cell;
      const auto row_span = static_cast<std::size_t>(cell.row_span);
      const auto column_span = static_cast<std::size_t>(cell.column_span);
      const double x = edges[c];
      const double box_width = edges[c + column_span] - x;
      const TextStyle style{size, cell.bold, cell.align, cell.colour.value_or(Colour{})};
      layout.cells.push_back(
          {&cell, r, c, row_span, column_span, x, box_width,
           TextBlock(cr, cell.text, style, std::max(box_width - 2 * cell_padding_x, 1.0))});
    }
  layout.row_heights.assign(grid.rows.size(), 0.0);
  fit_row_heights(layout);

  std::vector<RowRange> groups = row_groups(layout.cells, grid.rows.size());
  const std::size_t header_rows =
      std::min(static_cast<std::size_t>(std::max(table.header_rows, 0)), grid.rows.size());
  auto body = groups.begin();
  while (body != groups.end() && body->begin < header_rows) layout.header_end = (body++)->end;
  layout.groups.assign(body, groups.end());
  return layout;
}

void draw_table_rows(cairo_t* cr, const TableLayout& layout, std::size_t from, std::size_t to,
                     double x, double y) {
  struct Part {
    const CellBox* box;
    double top;
    double height;
  };
  std::vector<Part> parts;
  for (const CellBox& box : layout.cells) {
    const std::size_t first = std::max(box.row, from);
    const std::size_t last = std::min(box.row + box.row_span, to);
    if (first >= last) continue;
    parts.push_back({&box, y + layout.rows_height(from, first), layout.rows_height(first, last)});
  }
  // Fills first, then text, then borders: a neighbour's fill must not cover a rule.
  for (const Part& part : parts)
    if (part.box->cell->fill) {
      set_colour(cr, *part.box->cell->fill);
      cairo_rectangle(cr, x + part.box->x, part.top, part.box->width, part.height);
      cairo_fill(cr);
    }
  for (const Part& part : parts) {
    if (part.box->row < from) continue;
    const bool whole = part.box->row + part.box->row_span <= to;
    const double text_height = part.box->text.height();
    // Centred in a whole box; at the top of a box the page cut short.
    const double text_top =
        whole ? part.top + (part.height - text_height) / 2 : part.top + cell_padding_y;
    part.box->text.draw(cr, x + part.box->x + cell_padding_x, text_top);
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.6);
  for (const Part& part : parts)
    cairo_rectangle(cr, x + part.box->x, part.top, part.box->width, part.height);
  cairo_stroke(cr);
}

}  // namespace planscore::document::pdf
