#pragma once
// Reading one sheet of an XLSX workbook (the lists sections keep in Excel) into the
// table the register import checks, the way read_csv reads a CSV file.
#include <string>
#include <string_view>

#include "core/register/csv.h"

namespace planscore::exchange {

// Reads the sheet called `sheet_name`, or the first sheet (in tab order) when it is
// empty. Cells come back as text: strings as written, numbers without formatting
// ("1229", "0.25"), dates (cells with a date format) as YYYY-MM-DD, formulas as their
// last computed value, booleans as TRUE/FALSE. The first non-empty row is the header;
// wholly empty rows are left out; row_lines are spreadsheet row numbers.
//
// The bytes are treated as hostile: anything that is not a well-formed, reasonably sized
// workbook gives a problem (path "file", "sheet NAME" or "sheet NAME, cell C7") and an
// empty table, never a crash or unbounded memory.
core::CsvResult read_xlsx(std::string_view bytes, const std::string& sheet_name);

// Whether the bytes start like a zip archive, as every XLSX file does.
bool looks_like_zip(std::string_view bytes);

}  // namespace planscore::exchange
