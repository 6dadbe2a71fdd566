#pragma once
// The parts of an XLSX package that say how to read its sheets: which sheets there are
// and where, the shared strings, which cell styles show dates.
#include <cstddef>
#include <string>
#include <vector>

#include "exchange/zip_archive.h"

namespace planscore::exchange {

// Register lists are small; parts beyond this are refused before they are unpacked.
constexpr std::size_t kMaxXmlPartBytes = 50 * 1024 * 1024;

struct WorkbookSheet {
  std::string name;
  std::string part;          // e.g. "xl/worksheets/sheet1.xml"; empty when unresolved
  bool is_worksheet = true;  // false for chart, dialog and macro sheets
};

struct WorkbookInfo {
  std::vector<WorkbookSheet> sheets;  // in workbook (tab) order
  bool date1904 = false;
  std::vector<std::string> shared_strings;
  std::vector<bool> date_styles;  // by cell style index (the s attribute)
};

// Throws ArchiveError when a part is missing, damaged, too large or refused.
WorkbookInfo read_workbook_info(const ZipArchive& archive);

}  // namespace planscore::exchange
