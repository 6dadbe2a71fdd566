#include "document/build/cells.h"

#include "document/build/figures.h"

namespace planscore::document {

Cell header_cell(std::string text, int column_span, int row_span) {
  constexpr Colour kHeaderFill{230, 236, 242};
  Cell cell;
  cell.text = std::move(text);
  cell.column_span = column_span;
  cell.row_span = row_span;
  cell.align = Align::center;
  cell.bold = true;
  cell.fill = kHeaderFill;
  return cell;
}

Cell text_cell(std::string text, Align align, int row_span) {
  Cell cell;
  cell.text = std::move(text);
  cell.align = align;
  cell.row_span = row_span;
  return cell;
}

Cell figure_cell(double value) {
  return text_cell(format_figure(value), Align::end);
}

}  // namespace planscore::document
