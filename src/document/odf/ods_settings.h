#pragma once
// settings.xml of a spreadsheet: the view settings that freeze each sheet's header rows,
// the way LibreOffice itself records a frozen pane.
#include <string>

#include "document/model/workbook.h"

namespace planscore::document::odf {

std::string ods_settings_xml(const Workbook& workbook);

}  // namespace planscore::document::odf
