#include <pugixml.hpp>

#include "document/odf/package.h"
#include "document/odf/xml.h"

namespace planscore::document::odf {

std::string meta_xml(std::string_view title) {
  pugi::xml_document document;
  pugi::xml_node root = odf_root(document, "office:document-meta");
  pugi::xml_node meta = root.append_child("office:meta");
  meta.append_child("meta:generator").text() = "planscore";
  meta.append_child("dc:title").text() = xml_safe(title).c_str();
  meta.append_child("dc:language").text() = "zh-TW";
  return serialize(document);
}

}  // namespace planscore::document::odf
