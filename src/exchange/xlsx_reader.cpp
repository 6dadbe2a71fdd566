#include "exchange/xlsx_reader.h"

#include <algorithm>

#include "exchange/xlsx_sheet.h"
#include "exchange/xlsx_workbook.h"
#include "exchange/zip_archive.h"

namespace planscore::exchange {
namespace {

// Old .xls files and password-protected .xlsx files are both OLE compound documents.
constexpr std::string_view kOleSignature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

std::string sheet_list(const WorkbookInfo& workbook) {
  std::string names;
  for (const auto& sheet : workbook.sheets)
    names += (names.empty() ? "\"" : ", \"") + sheet.name + "\"";
  return names;
}

const WorkbookSheet& choose_sheet(const WorkbookInfo& workbook, const std::string& sheet_name) {
  if (workbook.sheets.empty()) throw ArchiveError("the workbook has no sheets");
  if (sheet_name.empty()) return workbook.sheets.front();
  const auto found =
      std::find_if(workbook.sheets.begin(), workbook.sheets.end(),
                   [&](const WorkbookSheet& sheet) { return sheet.name == sheet_name; });
  if (found == workbook.sheets.end())
    throw ArchiveError("the workbook has no sheet named \"" + sheet_name + "\"; its sheets are " +
                       sheet_list(workbook));
  return *found;
}

}  // namespace

bool looks_like_zip(std::string_view bytes) {
  return bytes.starts_with(std::string_view("PK\x03\x04", 4));
}

core::CsvResult read_xlsx(std::string_view bytes, const std::string& sheet_name) {
  core::CsvResult result;
  try {
    if (bytes.size() > core::kMaxCsvBytes)
      throw ArchiveError("the file is " + std::to_string(bytes.size() / (1024 * 1024)) +
                         " MB; files over 100 MB are not read");
    if (bytes.starts_with(kOleSignature))
      throw ArchiveError(
          "the file is an old Excel .xls workbook or a password-protected one; save it as .xlsx "
          "without a password");
    const ZipArchive archive(bytes);
    const auto workbook = read_workbook_info(archive);
    const auto& sheet = choose_sheet(workbook, sheet_name);
    if (!sheet.is_worksheet || sheet.part.empty())
      throw ArchiveError("the sheet \"" + sheet.name + "\" is a chart or macro sheet, not a table");
    return read_sheet_table(sheet.part, archive.read(sheet.part, kMaxXmlPartBytes), workbook,
                            sheet.name);
  } catch (const ArchiveError& error) {
    result.problems.push_back({"file", error.what()});
  }
  return result;
}

}  // namespace planscore::exchange
