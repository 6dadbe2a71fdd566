#include "document/odf/odt_writer.h"

#include "document/odf/odt_body.h"
#include "document/odf/odt_styles.h"
#include "document/odf/package.h"

namespace planscore::document {

std::string write_odt(const Document& document) {
  odf::OdtBody body = odf::odt_body(document);
  std::vector<odf::PackagePart> parts{
      {"content.xml", "text/xml", std::move(body.content_xml)},
      {"styles.xml", "text/xml", odf::odt_styles_xml(document)},
      {"meta.xml", "text/xml", odf::meta_xml(document.title)},
  };
  for (odf::PackagePart& picture : body.pictures) parts.push_back(std::move(picture));
  return odf::odf_package("application/vnd.oasis.opendocument.text", parts);
}

}  // namespace planscore::document
