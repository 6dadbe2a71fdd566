#pragma once
// content.xml of a spreadsheet: one table:table per sheet, numbers as values with their
// number styles, merged ranges as spans over covered cells.
#include <string>

#include "document/model/workbook.h"

namespace planscore::document::odf {

std::string ods_content_xml(const Workbook& workbook);

}  // namespace planscore::document::odf
