#pragma once
// Workbooks (the indicator and score tables) as OpenDocument Spreadsheet.
#include <string>

#include "document/model/workbook.h"

namespace planscore::document {

// The .ods file's bytes. Throws std::runtime_error if the archive cannot be built.
std::string write_ods(const Workbook& workbook);

}  // namespace planscore::document
