#pragma once
// The styles of a spreadsheet: styles.xml (fonts, the default cell style, a page), and the
// automatic styles content.xml makes per sheet: column widths, and cell styles joining a
// number style with bold and fill.
#include <pugixml.hpp>
#include <string>

#include "document/model/workbook.h"
#include "document/odf/style_registry.h"

namespace planscore::document::odf {

std::string ods_styles_xml();

class OdsStyles {
 public:
  explicit OdsStyles(pugi::xml_node automatic) : registry_(automatic) {}

  // The table style every sheet uses.
  std::string table();

  // A column `characters` wide; empty when the width is not positive (the default width).
  std::string column(double characters);

  // The cell's style; empty when it has none of its own.
  std::string cell(const SheetCell& cell);

 private:
  std::string number_style(NumberFormat format, int decimals);

  StyleRegistry registry_;
};

}  // namespace planscore::document::odf
