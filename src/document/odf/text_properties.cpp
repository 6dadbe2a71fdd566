#include "document/odf/text_properties.h"

#include <charconv>
#include <string>

namespace planscore::document::odf {

void declare_fonts(pugi::xml_node root) {
  pugi::xml_node face = root.append_child("office:font-face-decls").append_child("style:font-face");
  face.append_attribute("style:name") = kFontName;
  face.append_attribute("svg:font-family") = (std::string("'") + kFontName + "'").c_str();
  face.append_attribute("style:font-family-generic") = "roman";
  face.append_attribute("style:font-pitch") = "variable";
}

void set_font_and_language(pugi::xml_node text_properties) {
  text_properties.append_attribute("style:font-name") = kFontName;
  text_properties.append_attribute("style:font-name-asian") = kFontName;
  text_properties.append_attribute("style:font-name-complex") = kFontName;
  text_properties.append_attribute("fo:language") = "zh";
  text_properties.append_attribute("fo:country") = "TW";
  text_properties.append_attribute("style:language-asian") = "zh";
  text_properties.append_attribute("style:country-asian") = "TW";
}

void set_font_size(pugi::xml_node text_properties, double points) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, points);
  const std::string size = std::string(buffer, result.ptr) + "pt";
  text_properties.append_attribute("fo:font-size") = size.c_str();
  text_properties.append_attribute("style:font-size-asian") = size.c_str();
  text_properties.append_attribute("style:font-size-complex") = size.c_str();
}

void set_bold(pugi::xml_node text_properties) {
  text_properties.append_attribute("fo:font-weight") = "bold";
  text_properties.append_attribute("style:font-weight-asian") = "bold";
  text_properties.append_attribute("style:font-weight-complex") = "bold";
}

}  // namespace planscore::document::odf
