#include <pugixml.hpp>

#include "document/odf/package.h"
#include "document/odf/xml.h"

namespace planscore::document::odf {

std::string manifest_xml(std::string_view mimetype, const std::vector<PackagePart>& parts) {
  pugi::xml_document document;
  pugi::xml_node root = document.append_child("manifest:manifest");
  root.append_attribute("xmlns:manifest") = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
  root.append_attribute("manifest:version") = "1.2";
  const auto entry = [&](std::string_view path, std::string_view media_type) {
    pugi::xml_node file = root.append_child("manifest:file-entry");
    set_text_attribute(file, "manifest:full-path", path);
    set_text_attribute(file, "manifest:media-type", media_type);
    if (path == "/") file.append_attribute("manifest:version") = "1.2";
  };
  entry("/", mimetype);
  for (const PackagePart& part : parts) entry(part.path, part.media_type);
  return serialize(document);
}

}  // namespace planscore::document::odf
