#include "document/odf/odt_paragraph_styles.h"

#include "document/odf/text_properties.h"
#include "document/odf/xml.h"

namespace planscore::document::odf {
namespace {

constexpr double kIndentCm = 0.85;  // two CJK characters at 12 pt

std::string key(const ParagraphLook& look) {
  std::string key = look.parent;
  key += '|' + (look.align ? std::string(text_align(*look.align)) : std::string());
  key += '|' + std::to_string(look.indent) + '|' + (look.bold ? "b" : "") + '|' +
         std::to_string(look.size) + '|' + (look.colour ? hex_colour(*look.colour) : "");
  key += '|' + std::string(look.page.new_page ? "p" : "") + '|' + look.page.master + '|' +
         (look.page.restart_numbering ? "1" : "");
  return key;
}

bool plain(const ParagraphLook& look) {
  return !look.align && look.indent <= 0 && !look.bold && look.size <= 0 && !look.colour &&
         !look.page.any();
}

}  // namespace

const char* text_align(Align align) {
  switch (align) {
    case Align::center:
      return "center";
    case Align::end:
      return "end";
    case Align::start:
      break;
  }
  return "start";
}

void set_page_start(pugi::xml_node properties, const PageStart& page) {
  if (page.new_page && page.master.empty()) properties.append_attribute("fo:break-before") = "page";
  if (!page.master.empty() && page.restart_numbering)
    properties.append_attribute("style:page-number") = 1;
}

std::string paragraph_style(StyleRegistry& registry, const ParagraphLook& look) {
  if (plain(look)) return look.parent;
  return registry.style("P", key(look), [&](pugi::xml_node container, const std::string& name) {
    pugi::xml_node style = add_style(container, name, "paragraph");
    style.append_attribute("style:parent-style-name") = look.parent.c_str();
    if (!look.page.master.empty())
      style.append_attribute("style:master-page-name") = look.page.master.c_str();
    pugi::xml_node paragraph = style.append_child("style:paragraph-properties");
    if (look.align) paragraph.append_attribute("fo:text-align") = text_align(*look.align);
    if (look.indent > 0)
      paragraph.append_attribute("fo:margin-left") = centimetres(kIndentCm * look.indent).c_str();
    set_page_start(paragraph, look.page);
    pugi::xml_node text = style.append_child("style:text-properties");
    if (look.bold) set_bold(text);
    if (look.size > 0) set_font_size(text, look.size);
    if (look.colour) text.append_attribute("fo:color") = hex_colour(*look.colour).c_str();
    for (pugi::xml_node properties : {paragraph, text})
      if (!properties.first_attribute() && !properties.first_child())
        style.remove_child(properties);
  });
}

}  // namespace planscore::document::odf
