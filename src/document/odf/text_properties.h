#pragma once
// Font, size and weight on style:text-properties. ODF keeps separate attributes for
// western, Asian and complex scripts, and a Chinese document shows the Asian ones, so each
// helper sets all three: a bold that only sets fo:font-weight leaves 中文 regular.
#include <pugixml.hpp>

namespace planscore::document::odf {

inline constexpr const char* kFontName = "Noto Serif CJK TC";

// office:font-face-decls declaring kFontName, appended to a styles or content root.
void declare_fonts(pugi::xml_node root);

// kFontName for every script, and language zh-TW.
void set_font_and_language(pugi::xml_node text_properties);

void set_font_size(pugi::xml_node text_properties, double points);

void set_bold(pugi::xml_node text_properties);

}  // namespace planscore::document::odf
