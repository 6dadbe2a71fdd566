#pragma once
// Writing a Workbook (document/model/workbook.h) as an XLSX file through libxlsxwriter:
// numbers stay numbers, so sections can sort, sum and chart them in Excel.
#include <string>

#include "document/model/workbook.h"

namespace planscore::document {

// The XLSX file's bytes. Throws std::runtime_error with libxlsxwriter's description when
// the workbook cannot be written (a sheet name Excel refuses, a string over 32,767
// characters, a cell beyond Excel's sheet size, a temporary file that cannot be made).
std::string write_xlsx(const Workbook& workbook);

}  // namespace planscore::document
