#include "cli/table.h"

#include <algorithm>

#include "core/text/display_width.h"

namespace planscore::cli {
using core::display_width;
namespace {

constexpr std::string_view kColumnGap = "  ";

// A line break inside a cell would tear the table apart.
std::string single_line(const std::string& cell) {
  std::string line = cell;
  std::replace_if(
      line.begin(), line.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
  return line;
}

std::string render_line(const std::vector<std::string>& cells, const std::vector<int>& widths,
                        const std::vector<bool>& right_align) {
  std::string line;
  for (std::size_t column = 0; column < widths.size(); ++column) {
    const std::string cell = column < cells.size() ? single_line(cells[column]) : std::string();
    const int padding = widths[column] - display_width(cell);
    const bool right = column < right_align.size() && right_align[column];
    const bool last = column + 1 == widths.size();
    if (column > 0) line += kColumnGap;
    if (right) line.append(padding, ' ');
    line += cell;
    if (!right && !last) line.append(padding, ' ');
  }
  // Trailing blanks from empty last cells serve no purpose on a terminal.
  while (!line.empty() && line.back() == ' ') line.pop_back();
  line += '\n';
  return line;
}

}  // namespace

std::string format_table(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows,
                         const std::vector<bool>& right_align) {
  std::size_t column_count = header.size();
  for (const auto& row : rows) column_count = std::max(column_count, row.size());
  if (column_count == 0) return "";

  std::vector<int> widths(column_count, 0);
  const auto widen = [&](const std::vector<std::string>& cells) {
    for (std::size_t column = 0; column < cells.size(); ++column)
      widths[column] = std::max(widths[column], display_width(single_line(cells[column])));
  };
  widen(header);
  for (const auto& row : rows) widen(row);

  std::string table = render_line(header, widths, right_align);
  std::vector<std::string> underline;
  for (const int width : widths) underline.emplace_back(width, '-');
  table += render_line(underline, widths, std::vector<bool>(column_count, false));
  for (const auto& row : rows) table += render_line(row, widths, right_align);
  return table;
}

}  // namespace planscore::cli
