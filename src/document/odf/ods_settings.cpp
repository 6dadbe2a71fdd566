#include "document/odf/ods_settings.h"

#include <pugixml.hpp>

#include "document/odf/xml.h"

namespace planscore::document::odf {
namespace {

void item(pugi::xml_node parent, const char* name, const char* type, const std::string& value) {
  pugi::xml_node element = parent.append_child("config:config-item");
  element.append_attribute("config:name") = name;
  element.append_attribute("config:type") = type;
  element.text() = value.c_str();
}

// A split of mode 2 is a frozen pane; position and the bottom pane's first row are both
// the number of rows kept in view, and the cursor starts below them.
void frozen_rows(pugi::xml_node tables, const Sheet& sheet) {
  pugi::xml_node entry = tables.append_child("config:config-item-map-entry");
  set_text_attribute(entry, "config:name", sheet.name);
  const std::string rows = std::to_string(sheet.frozen_rows);
  item(entry, "CursorPositionX", "int", "0");
  item(entry, "CursorPositionY", "int", rows);
  item(entry, "HorizontalSplitMode", "short", "0");
  item(entry, "VerticalSplitMode", "short", "2");
  item(entry, "HorizontalSplitPosition", "int", "0");
  item(entry, "VerticalSplitPosition", "int", rows);
  item(entry, "ActiveSplitRange", "short", "2");
  item(entry, "PositionLeft", "int", "0");
  item(entry, "PositionRight", "int", "0");
  item(entry, "PositionTop", "int", "0");
  item(entry, "PositionBottom", "int", rows);
}

}  // namespace

std::string ods_settings_xml(const Workbook& workbook) {
  pugi::xml_document xml;
  pugi::xml_node root = odf_root(xml, "office:document-settings");
  pugi::xml_node set = root.append_child("office:settings").append_child("config:config-item-set");
  set.append_attribute("config:name") = "ooo:view-settings";
  pugi::xml_node views = set.append_child("config:config-item-map-indexed");
  views.append_attribute("config:name") = "Views";
  pugi::xml_node view = views.append_child("config:config-item-map-entry");
  item(view, "ViewId", "string", "view1");
  pugi::xml_node tables = view.append_child("config:config-item-map-named");
  tables.append_attribute("config:name") = "Tables";
  for (const Sheet& sheet : workbook.sheets)
    if (sheet.frozen_rows > 0) frozen_rows(tables, sheet);
  if (!workbook.sheets.empty())
    item(view, "ActiveTable", "string", xml_safe(workbook.sheets.front().name));
  return serialize(xml);
}

}  // namespace planscore::document::odf
