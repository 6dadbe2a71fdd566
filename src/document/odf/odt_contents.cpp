#include "document/odf/odt_contents.h"

#include <algorithm>

#include "document/odf/odt_styles.h"
#include "document/odf/xml.h"

namespace planscore::document::odf {
namespace {

constexpr const char* kName = "Table of Contents1";

void entry_template(pugi::xml_node source, int level) {
  pugi::xml_node entry = source.append_child("text:table-of-content-entry-template");
  entry.append_attribute("text:outline-level") = level;
  entry.append_attribute("text:style-name") = contents_entry_style(level).c_str();
  entry.append_child("text:index-entry-text");
  pugi::xml_node tab = entry.append_child("text:index-entry-tab-stop");
  tab.append_attribute("style:type") = "right";
  tab.append_attribute("style:leader-char") = ".";
  entry.append_child("text:index-entry-page-number");
}

}  // namespace

void write_odt_contents(pugi::xml_node text, const ContentsTable& contents,
                        const std::vector<const Heading*>& headings) {
  int deepest = 1;
  for (const Heading* heading : headings)
    deepest = std::max(deepest, std::clamp(heading->level, 1, kHeadingLevels));

  pugi::xml_node element = text.append_child("text:table-of-content");
  element.append_attribute("text:name") = kName;
  element.append_attribute("text:protected") = "true";
  pugi::xml_node source = element.append_child("text:table-of-content-source");
  source.append_attribute("text:outline-level") = deepest;
  source.append_attribute("text:use-outline-level") = "true";
  source.append_attribute("text:use-index-marks") = "false";
  pugi::xml_node title = source.append_child("text:index-title-template");
  title.append_attribute("text:style-name") = "Contents_20_Heading";
  title.text() = xml_safe(contents.title).c_str();
  for (int level = 1; level <= deepest; ++level) entry_template(source, level);

  // Page numbers are left for LibreOffice to fill in when the index is updated: where
  // each heading falls is only known after layout.
  pugi::xml_node body = element.append_child("text:index-body");
  pugi::xml_node index_title = body.append_child("text:index-title");
  index_title.append_attribute("text:name") = (std::string(kName) + "_Head").c_str();
  pugi::xml_node title_line = index_title.append_child("text:p");
  title_line.append_attribute("text:style-name") = "Contents_20_Heading";
  append_text(title_line, contents.title);
  for (const Heading* heading : headings) {
    pugi::xml_node line = body.append_child("text:p");
    line.append_attribute("text:style-name") = contents_entry_style(heading->level).c_str();
    append_text(line, heading->text);
  }
}

}  // namespace planscore::document::odf
