#pragma once
// One worksheet's cells as a table: the first non-empty row is the header, wholly empty
// rows are left out, every row is the header's width.
#include <string>

#include "core/register/csv.h"
#include "exchange/xlsx_workbook.h"

namespace planscore::exchange {

// Excel's own limit on a cell's text.
constexpr std::size_t kMaxCellCharacters = 32767;
// Cells read from one sheet (non-empty cells, and the table's rows times its width).
constexpr std::size_t kMaxSheetCells = 1'000'000;

// Reads the worksheet part `xml` of the sheet called `sheet_name`. Problems have the
// path "sheet NAME" or "sheet NAME, cell C7"; row_lines are spreadsheet row numbers.
core::CsvResult read_sheet_table(const std::string& xml_part_name, const std::string& xml,
                                 const WorkbookInfo& workbook, const std::string& sheet_name);

}  // namespace planscore::exchange
