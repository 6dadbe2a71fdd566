#include "document/odf/odt_styles.h"

#include <algorithm>
#include <pugixml.hpp>

#include "document/odf/style_registry.h"
#include "document/odf/text_properties.h"
#include "document/odf/xml.h"

namespace planscore::document::odf {
namespace {

constexpr double kPageWidthCm = 21.0;
constexpr double kPageHeightCm = 29.7;
constexpr double kSideMarginCm = (kPageWidthCm - kTextWidthCm) / 2;
constexpr double kHeadingSizes[kHeadingLevels] = {16, 14, 13, 12};
constexpr double kIndentCm = 0.85;  // two CJK characters at 12 pt

int clamp_level(int level) {
  return std::clamp(level, 1, kHeadingLevels);
}

struct Named {
  pugi::xml_node style;
  pugi::xml_node paragraph;
  pugi::xml_node text;
};

// A named paragraph style; `display` is the name a user sees in the style list.
Named paragraph_style(pugi::xml_node styles, const std::string& name, const std::string& display,
                      const char* parent) {
  pugi::xml_node style = add_style(styles, name, "paragraph");
  style.append_attribute("style:display-name") = display.c_str();
  if (parent != nullptr) style.append_attribute("style:parent-style-name") = parent;
  return {style, style.append_child("style:paragraph-properties"),
          style.append_child("style:text-properties")};
}

void default_style(pugi::xml_node styles) {
  pugi::xml_node style = styles.append_child("style:default-style");
  style.append_attribute("style:family") = "paragraph";
  style.append_child("style:paragraph-properties").append_attribute("style:writing-mode") = "lr-tb";
  pugi::xml_node text = style.append_child("style:text-properties");
  set_font_and_language(text);
  set_font_size(text, 12);
}

void body_styles(pugi::xml_node styles) {
  paragraph_style(styles, "Standard", "Standard", nullptr);
  Named body = paragraph_style(styles, "Text_20_body", "Text body", "Standard");
  body.paragraph.append_attribute("fo:margin-top") = "0cm";
  body.paragraph.append_attribute("fo:margin-bottom") = "0.2cm";
  body.paragraph.append_attribute("fo:line-height") = "150%";
  body.paragraph.append_attribute("fo:text-align") = "justify";
  Named table = paragraph_style(styles, "Table_20_Contents", "Table Contents", "Standard");
  set_font_size(table.text, 11);
  Named figure = paragraph_style(styles, "Figure", "Figure", "Standard");
  figure.paragraph.append_attribute("fo:text-align") = "center";
  figure.paragraph.append_attribute("fo:margin-top") = "0.2cm";
  figure.paragraph.append_attribute("fo:margin-bottom") = "0.2cm";
  for (const char* name : {"Header", "Footer"}) {
    Named style = paragraph_style(styles, name, name, "Standard");
    style.paragraph.append_attribute("fo:text-align") = "center";
    set_font_size(style.text, 10);
  }
}

void heading_styles(pugi::xml_node styles) {
  Named base = paragraph_style(styles, "Heading", "Heading", "Standard");
  base.paragraph.append_attribute("fo:margin-top") = "0.4cm";
  base.paragraph.append_attribute("fo:margin-bottom") = "0.2cm";
  base.paragraph.append_attribute("fo:keep-with-next") = "always";
  set_bold(base.text);
  for (int level = 1; level <= kHeadingLevels; ++level) {
    for (const bool listed : {true, false}) {
      const std::string name = heading_style(level, listed);
      const std::string display =
          (listed ? "Heading " : "Unlisted Heading ") + std::to_string(level);
      Named heading = paragraph_style(styles, name, display, "Heading");
      if (listed) heading.style.append_attribute("style:default-outline-level") = level;
      set_font_size(heading.text, kHeadingSizes[level - 1]);
    }
  }
  // The headings carry their own numbering (壹、一、(一)), so the outline adds none.
  pugi::xml_node outline = styles.append_child("text:outline-style");
  outline.append_attribute("style:name") = "Outline";
  for (int level = 1; level <= 10; ++level) {
    pugi::xml_node entry = outline.append_child("text:outline-level-style");
    entry.append_attribute("text:level") = level;
    entry.append_attribute("style:num-format") = "";
  }
}

void cover_and_contents_styles(pugi::xml_node styles) {
  const struct {
    const char* name;
    const char* display;
    double size;
    const char* margin_top;
  } cover[] = {{"Cover_20_Title", "Cover Title", 22, "6cm"},
               {"Cover_20_Subtitle", "Cover Subtitle", 16, "0.6cm"},
               {"Cover_20_Date", "Cover Date", 14, "10cm"}};
  for (const auto& entry : cover) {
    Named style = paragraph_style(styles, entry.name, entry.display, "Standard");
    style.paragraph.append_attribute("fo:text-align") = "center";
    style.paragraph.append_attribute("fo:margin-top") = entry.margin_top;
    set_font_size(style.text, entry.size);
    set_bold(style.text);
  }
  Named title = paragraph_style(styles, "Contents_20_Heading", "Contents Heading", "Standard");
  title.paragraph.append_attribute("fo:text-align") = "center";
  title.paragraph.append_attribute("fo:margin-bottom") = "0.4cm";
  set_font_size(title.text, 16);
  set_bold(title.text);
  for (int level = 1; level <= kHeadingLevels; ++level) {
    Named entry = paragraph_style(styles, contents_entry_style(level),
                                  "Contents " + std::to_string(level), "Standard");
    entry.paragraph.append_attribute("fo:margin-left") =
        centimetres(kIndentCm * (level - 1)).c_str();
    entry.paragraph.append_attribute("fo:margin-bottom") = "0.1cm";
    // The page numbers a regenerated index writes sit at the right margin behind dots.
    pugi::xml_node stop =
        entry.paragraph.append_child("style:tab-stops").append_child("style:tab-stop");
    stop.append_attribute("style:position") =
        centimetres(kTextWidthCm - kIndentCm * (level - 1)).c_str();
    stop.append_attribute("style:type") = "right";
    stop.append_attribute("style:leader-style") = "dotted";
    stop.append_attribute("style:leader-text") = ".";
  }
}

void page_layout(pugi::xml_node automatic, const char* name, bool header, bool footer) {
  pugi::xml_node layout = automatic.append_child("style:page-layout");
  layout.append_attribute("style:name") = name;
  pugi::xml_node page = layout.append_child("style:page-layout-properties");
  page.append_attribute("fo:page-width") = centimetres(kPageWidthCm).c_str();
  page.append_attribute("fo:page-height") = centimetres(kPageHeightCm).c_str();
  page.append_attribute("style:print-orientation") = "portrait";
  page.append_attribute("fo:margin-top") = "2cm";
  page.append_attribute("fo:margin-bottom") = "2cm";
  page.append_attribute("fo:margin-left") = centimetres(kSideMarginCm).c_str();
  page.append_attribute("fo:margin-right") = centimetres(kSideMarginCm).c_str();
  page.append_attribute("style:writing-mode") = "lr-tb";
  const auto band = [&](const char* element, const char* gap) {
    pugi::xml_node properties =
        layout.append_child(element).append_child("style:header-footer-properties");
    properties.append_attribute("fo:min-height") = "0.6cm";
    properties.append_attribute(gap) = "0.4cm";
  };
  if (header) band("style:header-style", "fo:margin-bottom");
  if (footer) band("style:footer-style", "fo:margin-top");
}

void master_pages(pugi::xml_node root, const Document& document) {
  pugi::xml_node masters = root.append_child("office:master-styles");
  const auto master = [&](const char* name, const char* layout) {
    pugi::xml_node page = masters.append_child("style:master-page");
    page.append_attribute("style:name") = name;
    page.append_attribute("style:page-layout-name") = layout;
    return page;
  };
  const auto header = [&](pugi::xml_node page) {
    if (document.running_header.empty()) return;
    pugi::xml_node line = page.append_child("style:header").append_child("text:p");
    line.append_attribute("text:style-name") = "Header";
    append_text(line, document.running_header);
  };
  master(kCoverMaster, "pm_cover");
  header(master(kFrontMaster, "pm_front"));
  pugi::xml_node body = master(kBodyMaster, "pm_body");
  header(body);
  pugi::xml_node footer = body.append_child("style:footer").append_child("text:p");
  footer.append_attribute("text:style-name") = "Footer";
  append_text(footer, document.page_number_prefix);
  pugi::xml_node number = footer.append_child("text:page-number");
  number.append_attribute("text:select-page") = "current";
  number.text() = "1";
}

// The helpers above open both property elements on every style; the ones left empty go.
void prune_empty_properties(pugi::xml_node styles) {
  for (pugi::xml_node style : styles.children("style:style"))
    for (const char* kind : {"style:paragraph-properties", "style:text-properties"})
      if (pugi::xml_node properties = style.child(kind);
          properties && !properties.first_attribute() && !properties.first_child())
        style.remove_child(properties);
}

}  // namespace

std::string heading_style(int level, bool in_contents) {
  return (in_contents ? "Heading_20_" : "Unlisted_20_Heading_20_") +
         std::to_string(clamp_level(level));
}

std::string contents_entry_style(int level) {
  return "Contents_20_" + std::to_string(clamp_level(level));
}

std::string odt_styles_xml(const Document& document) {
  pugi::xml_document xml;
  pugi::xml_node root = odf_root(xml, "office:document-styles");
  declare_fonts(root);
  pugi::xml_node styles = root.append_child("office:styles");
  default_style(styles);
  body_styles(styles);
  heading_styles(styles);
  cover_and_contents_styles(styles);
  prune_empty_properties(styles);
  pugi::xml_node automatic = root.append_child("office:automatic-styles");
  const bool header = !document.running_header.empty();
  page_layout(automatic, "pm_cover", false, false);
  page_layout(automatic, "pm_front", header, false);
  page_layout(automatic, "pm_body", header, true);
  master_pages(root, document);
  return serialize(xml);
}

}  // namespace planscore::document::odf
