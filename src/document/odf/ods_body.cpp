#include "document/odf/ods_body.h"

#include <algorithm>
#include <cmath>
#include <pugixml.hpp>
#include <variant>
#include <vector>

#include "document/odf/ods_number_text.h"
#include "document/odf/ods_styles.h"
#include "document/odf/text_properties.h"
#include "document/odf/xml.h"

namespace planscore::document::odf {
namespace {

// What each grid position holds once the merges are laid over the rows.
struct Slot {
  const MergedRange* merge = nullptr;  // set at a merge's top-left
  bool covered = false;                // inside a merge, not at its top-left
};

struct SheetGrid {
  std::size_t rows = 0;
  std::size_t columns = 0;
  std::vector<std::vector<Slot>> slots;
};

bool well_formed(const MergedRange& merge) {
  return merge.first_row >= 0 && merge.first_column >= 0 && merge.last_row >= merge.first_row &&
         merge.last_column >= merge.first_column;
}

// A merge that is malformed or overlaps an earlier one is left out rather than written
// as a table LibreOffice would repair on load.
SheetGrid sheet_grid(const Sheet& sheet) {
  SheetGrid grid;
  grid.rows = sheet.rows.size();
  grid.columns = sheet.column_widths.size();
  for (const auto& row : sheet.rows) grid.columns = std::max(grid.columns, row.size());
  for (const MergedRange& merge : sheet.merges) {
    if (!well_formed(merge)) continue;
    grid.rows = std::max(grid.rows, static_cast<std::size_t>(merge.last_row) + 1);
    grid.columns = std::max(grid.columns, static_cast<std::size_t>(merge.last_column) + 1);
  }
  grid.slots.assign(grid.rows, std::vector<Slot>(grid.columns));
  for (const MergedRange& merge : sheet.merges) {
    if (!well_formed(merge)) continue;
    bool free = true;
    for (int r = merge.first_row; r <= merge.last_row; ++r)
      for (int c = merge.first_column; c <= merge.last_column; ++c)
        free = free && grid.slots[r][c].merge == nullptr && !grid.slots[r][c].covered;
    if (!free) continue;
    for (int r = merge.first_row; r <= merge.last_row; ++r)
      for (int c = merge.first_column; c <= merge.last_column; ++c) grid.slots[r][c].covered = true;
    grid.slots[merge.first_row][merge.first_column] = {&merge, false};
  }
  return grid;
}

void write_value(pugi::xml_node element, const SheetCell& cell) {
  if (const auto* text = std::get_if<std::string>(&cell.value)) {
    element.append_attribute("office:value-type") = "string";
    append_text(element.append_child("text:p"), *text);
    return;
  }
  const auto* number = std::get_if<double>(&cell.value);
  // ODF has no notation for NaN or infinity: such a cell is left empty.
  if (number == nullptr || !std::isfinite(*number)) return;
  const bool percent = cell.format == NumberFormat::percent;
  element.append_attribute("office:value-type") = percent ? "percentage" : "float";
  element.append_attribute("office:value") = value_text(*number).c_str();
  element.append_child("text:p").text() = display_text(*number, cell.format, cell.decimals).c_str();
}

void write_cell(pugi::xml_node row, const SheetCell* cell, const Slot& slot, OdsStyles& styles) {
  pugi::xml_node element = row.append_child("table:table-cell");
  if (cell != nullptr)
    if (const std::string style = styles.cell(*cell); !style.empty())
      element.append_attribute("table:style-name") = style.c_str();
  if (slot.merge != nullptr) {
    const MergedRange& merge = *slot.merge;
    element.append_attribute("table:number-columns-spanned") =
        merge.last_column - merge.first_column + 1;
    element.append_attribute("table:number-rows-spanned") = merge.last_row - merge.first_row + 1;
  }
  if (cell != nullptr) write_value(element, *cell);
}

void write_sheet(pugi::xml_node spreadsheet, const Sheet& sheet, OdsStyles& styles) {
  const SheetGrid grid = sheet_grid(sheet);
  pugi::xml_node table = spreadsheet.append_child("table:table");
  set_text_attribute(table, "table:name", sheet.name);
  table.append_attribute("table:style-name") = styles.table().c_str();
  for (std::size_t c = 0; c < std::max<std::size_t>(grid.columns, 1); ++c) {
    pugi::xml_node column = table.append_child("table:table-column");
    const double width = c < sheet.column_widths.size() ? sheet.column_widths[c] : 0;
    if (const std::string style = styles.column(width); !style.empty())
      column.append_attribute("table:style-name") = style.c_str();
  }
  for (std::size_t r = 0; r < grid.rows; ++r) {
    pugi::xml_node row = table.append_child("table:table-row");
    const auto* cells = r < sheet.rows.size() ? &sheet.rows[r] : nullptr;
    for (std::size_t c = 0; c < grid.columns; ++c) {
      const Slot& slot = grid.slots[r][c];
      if (slot.covered) {
        row.append_child("table:covered-table-cell");
        continue;
      }
      write_cell(row, cells != nullptr && c < cells->size() ? &(*cells)[c] : nullptr, slot, styles);
    }
  }
  // ODF wants at least one row in a table.
  if (grid.rows == 0) table.append_child("table:table-row").append_child("table:table-cell");
}

}  // namespace

std::string ods_content_xml(const Workbook& workbook) {
  pugi::xml_document xml;
  pugi::xml_node root = odf_root(xml, "office:document-content");
  declare_fonts(root);
  OdsStyles styles(root.append_child("office:automatic-styles"));
  pugi::xml_node spreadsheet = root.append_child("office:body").append_child("office:spreadsheet");
  for (const Sheet& sheet : workbook.sheets) write_sheet(spreadsheet, sheet, styles);
  // A spreadsheet needs a sheet to open in.
  if (workbook.sheets.empty()) write_sheet(spreadsheet, Sheet{.name = "Sheet1"}, styles);
  return serialize(xml);
}

}  // namespace planscore::document::odf
