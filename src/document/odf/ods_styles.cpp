#include "document/odf/ods_styles.h"

#include <variant>

#include "document/odf/ods_number_text.h"
#include "document/odf/text_properties.h"
#include "document/odf/xml.h"

namespace planscore::document::odf {
namespace {

constexpr double kCentimetresPerCharacter = 0.25;

void number_element(pugi::xml_node style, int decimals, bool grouping) {
  pugi::xml_node number = style.append_child("number:number");
  number.append_attribute("number:decimal-places") = decimals;
  number.append_attribute("number:min-integer-digits") = 1;
  if (grouping) number.append_attribute("number:grouping") = "true";
}

}  // namespace

std::string ods_styles_xml() {
  pugi::xml_document xml;
  pugi::xml_node root = odf_root(xml, "office:document-styles");
  declare_fonts(root);
  pugi::xml_node styles = root.append_child("office:styles");
  pugi::xml_node defaults = styles.append_child("style:default-style");
  defaults.append_attribute("style:family") = "table-cell";
  pugi::xml_node text = defaults.append_child("style:text-properties");
  set_font_and_language(text);
  set_font_size(text, 10);
  add_style(styles, "Default", "table-cell");

  pugi::xml_node layout =
      root.append_child("office:automatic-styles").append_child("style:page-layout");
  layout.append_attribute("style:name") = "pm1";
  pugi::xml_node page = layout.append_child("style:page-layout-properties");
  page.append_attribute("fo:page-width") = "21cm";
  page.append_attribute("fo:page-height") = "29.7cm";
  page.append_attribute("style:print-orientation") = "portrait";
  pugi::xml_node master =
      root.append_child("office:master-styles").append_child("style:master-page");
  master.append_attribute("style:name") = "Default";
  master.append_attribute("style:page-layout-name") = "pm1";
  return serialize(xml);
}

std::string OdsStyles::table() {
  return registry_.style("ta", "", [](pugi::xml_node container, const std::string& name) {
    pugi::xml_node style = add_style(container, name, "table");
    style.append_attribute("style:master-page-name") = "Default";
    style.append_child("style:table-properties").append_attribute("table:display") = "true";
  });
}

std::string OdsStyles::column(double characters) {
  if (!(characters > 0)) return {};
  const std::string width = centimetres(characters * kCentimetresPerCharacter);
  return registry_.style("co", width, [&](pugi::xml_node container, const std::string& name) {
    pugi::xml_node properties =
        add_style(container, name, "table-column").append_child("style:table-column-properties");
    properties.append_attribute("fo:break-before") = "auto";
    properties.append_attribute("style:column-width") = width.c_str();
  });
}

std::string OdsStyles::number_style(NumberFormat format, int decimals) {
  const int places = shown_decimals(format, decimals);
  const bool percent = format == NumberFormat::percent;
  const std::string key = (percent ? "%" : "#") + std::to_string(places);
  return registry_.style("N", key, [&](pugi::xml_node container, const std::string& name) {
    pugi::xml_node style =
        container.append_child(percent ? "number:percentage-style" : "number:number-style");
    style.append_attribute("style:name") = name.c_str();
    number_element(style, places, !percent);
    if (percent) style.append_child("number:text").text() = "%";
  });
}

std::string OdsStyles::cell(const SheetCell& cell) {
  const bool number = std::holds_alternative<double>(cell.value);
  std::string data_style;
  if (number && cell.format != NumberFormat::general)
    data_style = number_style(cell.format, cell.decimals);
  if (data_style.empty() && !cell.bold && !cell.fill) return {};
  const std::string key =
      data_style + '|' + (cell.bold ? "b" : "") + '|' + (cell.fill ? hex_colour(*cell.fill) : "");
  return registry_.style("ce", key, [&](pugi::xml_node container, const std::string& name) {
    pugi::xml_node style = add_style(container, name, "table-cell");
    style.append_attribute("style:parent-style-name") = "Default";
    if (!data_style.empty()) style.append_attribute("style:data-style-name") = data_style.c_str();
    if (cell.fill)
      style.append_child("style:table-cell-properties").append_attribute("fo:background-color") =
          hex_colour(*cell.fill).c_str();
    if (cell.bold) set_bold(style.append_child("style:text-properties"));
  });
}

}  // namespace planscore::document::odf
