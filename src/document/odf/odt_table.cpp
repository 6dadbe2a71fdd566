#include "document/odf/odt_table.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "document/model/table_grid.h"
#include "document/odf/odt_styles.h"
#include "document/odf/xml.h"

namespace planscore::document::odf {
namespace {

constexpr int kRelativeTotal = 10000;  // style:rel-column-width units across the table
constexpr double kTextPoints = 11;
constexpr double kSmallTextPoints = 9;

// Each column's share of the table; equal shares when the widths say nothing usable.
std::vector<double> shares(const std::vector<double>& widths) {
  double total = 0;
  for (const double width : widths) total += std::max(width, 0.0);
  std::vector<double> result;
  for (const double width : widths)
    result.push_back(total > 0 ? std::max(width, 0.0) / total : 1.0 / widths.size());
  return result;
}

std::string table_style(StyleRegistry& styles, const PageStart& page) {
  const std::string key = std::string(page.new_page ? "p" : "") + '|' + page.master + '|' +
                          (page.restart_numbering ? "1" : "");
  return styles.style("Table", key, [&](pugi::xml_node container, const std::string& name) {
    pugi::xml_node style = add_style(container, name, "table");
    if (!page.master.empty())
      style.append_attribute("style:master-page-name") = page.master.c_str();
    pugi::xml_node properties = style.append_child("style:table-properties");
    properties.append_attribute("style:width") = centimetres(kTextWidthCm).c_str();
    properties.append_attribute("table:align") = "margins";
    properties.append_attribute("fo:margin-top") = "0.1cm";
    properties.append_attribute("fo:margin-bottom") = "0.2cm";
    set_page_start(properties, page);
  });
}

std::string column_style(StyleRegistry& styles, double share) {
  const long relative = std::lround(share * kRelativeTotal);
  return styles.style(
      "Column", std::to_string(relative), [&](pugi::xml_node container, const std::string& name) {
        pugi::xml_node properties = add_style(container, name, "table-column")
                                        .append_child("style:table-column-properties");
        properties.append_attribute("style:column-width") =
            centimetres(share * kTextWidthCm).c_str();
        properties.append_attribute("style:rel-column-width") =
            (std::to_string(relative) + "*").c_str();
      });
}

std::string cell_style(StyleRegistry& styles, const std::optional<Colour>& fill) {
  const std::string key = fill ? hex_colour(*fill) : "";
  return styles.style("Cell", key, [&](pugi::xml_node container, const std::string& name) {
    pugi::xml_node properties =
        add_style(container, name, "table-cell").append_child("style:table-cell-properties");
    properties.append_attribute("fo:border") = "0.5pt solid #000000";
    properties.append_attribute("fo:padding") = "0.08cm";
    properties.append_attribute("style:vertical-align") = "middle";
    properties.append_attribute("fo:background-color") = fill ? key.c_str() : "transparent";
  });
}

void write_cell(pugi::xml_node row, const Cell& cell, bool small, StyleRegistry& styles) {
  pugi::xml_node element = row.append_child("table:table-cell");
  element.append_attribute("table:style-name") = cell_style(styles, cell.fill).c_str();
  if (cell.column_span > 1)
    element.append_attribute("table:number-columns-spanned") = cell.column_span;
  if (cell.row_span > 1) element.append_attribute("table:number-rows-spanned") = cell.row_span;
  element.append_attribute("office:value-type") = "string";
  ParagraphLook look;
  look.parent = "Table_20_Contents";
  if (cell.align != Align::start) look.align = cell.align;
  look.bold = cell.bold;
  look.size = small ? kSmallTextPoints : 0;
  look.colour = cell.colour;
  pugi::xml_node paragraph = element.append_child("text:p");
  paragraph.append_attribute("text:style-name") = paragraph_style(styles, look).c_str();
  append_text(paragraph, cell.text);
}

// A slot no cell covers still needs a cell, or the row would be short.
void write_empty_cell(pugi::xml_node row, StyleRegistry& styles) {
  pugi::xml_node element = row.append_child("table:table-cell");
  element.append_attribute("table:style-name") = cell_style(styles, std::nullopt).c_str();
  element.append_child("text:p").append_attribute("text:style-name") = "Table_20_Contents";
}

}  // namespace

void write_odt_table(pugi::xml_node text, const Table& table, const std::string& name,
                     const PageStart& page, StyleRegistry& styles) {
  if (table.column_widths.empty()) return;
  const TableGrid grid = table_grid(table);
  pugi::xml_node element = text.append_child("table:table");
  set_text_attribute(element, "table:name", name);
  element.append_attribute("table:style-name") = table_style(styles, page).c_str();
  for (const double share : shares(table.column_widths))
    element.append_child("table:table-column").append_attribute("table:style-name") =
        column_style(styles, share).c_str();
  const std::size_t header_rows =
      std::min(static_cast<std::size_t>(std::max(table.header_rows, 0)), grid.rows.size());
  pugi::xml_node header;
  if (header_rows > 0) header = element.append_child("table:table-header-rows");
  for (std::size_t r = 0; r < grid.rows.size(); ++r) {
    pugi::xml_node row = (r < header_rows ? header : element).append_child("table:table-row");
    for (const GridSlot& slot : grid.rows[r]) {
      if (slot.cell == nullptr)
        write_empty_cell(row, styles);
      else if (slot.origin)
        write_cell(row, *slot.cell, table.small, styles);
      else
        row.append_child("table:covered-table-cell");
    }
  }
}

}  // namespace planscore::document::odf
