#include "document/odf/ods_writer.h"

#include "document/odf/ods_body.h"
#include "document/odf/ods_settings.h"
#include "document/odf/ods_styles.h"
#include "document/odf/package.h"

namespace planscore::document {

std::string write_ods(const Workbook& workbook) {
  const std::vector<odf::PackagePart> parts{
      {"content.xml", "text/xml", odf::ods_content_xml(workbook)},
      {"styles.xml", "text/xml", odf::ods_styles_xml()},
      {"meta.xml", "text/xml", odf::meta_xml(workbook.title)},
      {"settings.xml", "text/xml", odf::ods_settings_xml(workbook)},
  };
  return odf::odf_package("application/vnd.oasis.opendocument.spreadsheet", parts);
}

}  // namespace planscore::document
