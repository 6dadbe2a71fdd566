#include "document/xlsx/xlsx_writer.h"

#include <stdlib.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <tuple>

namespace planscore::document {
namespace {

// libxlsxwriter 1.1.4 writes only to files: each call gets a directory of its own (mode
// 0700 from mkdtemp), removed however the call ends.
class PrivateDirectory {
 public:
  PrivateDirectory() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "planscore-xlsx-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
      throw std::runtime_error(
          std::string("cannot make a temporary directory for the XLSX file: ") +
          std::strerror(errno));
    path_ = pattern;
  }
  ~PrivateDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  PrivateDirectory(const PrivateDirectory&) = delete;
  PrivateDirectory& operator=(const PrivateDirectory&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

void check(lxw_error error, const std::string& what) {
  if (error != LXW_NO_ERROR)
    throw std::runtime_error("cannot write the XLSX file (" + what + "): " + lxw_strerror(error));
}

std::string number_format(NumberFormat format, int decimals) {
  const std::string places =
      decimals > 0 ? "." + std::string(static_cast<std::size_t>(decimals), '0') : "";
  switch (format) {
    case NumberFormat::general:
      return "";
    case NumberFormat::integer:
      return "#,##0";
    case NumberFormat::decimal:
      return "#,##0" + places;
    case NumberFormat::percent:
      return "0" + places + "%";
  }
  return "";
}

lxw_color_t rgb(const Colour& colour) {
  return (static_cast<lxw_color_t>(colour.red) << 16) |
         (static_cast<lxw_color_t>(colour.green) << 8) | colour.blue;
}

// One lxw_format per distinct look: libxlsxwriter keeps every format it is given, and a
// format per cell would bloat the file's style table.
class Formats {
 public:
  explicit Formats(lxw_workbook* workbook) : workbook_(workbook) {}

  lxw_format* of(const SheetCell& cell) {
    const std::string code = number_format(cell.format, cell.decimals);
    if (code.empty() && !cell.bold && !cell.fill) return nullptr;
    const Key key{code, cell.bold, cell.fill.has_value(), cell.fill ? rgb(*cell.fill) : 0};
    if (auto found = formats_.find(key); found != formats_.end()) return found->second;
    lxw_format* format = workbook_add_format(workbook_);
    if (format == nullptr) throw std::runtime_error("cannot write the XLSX file: out of memory");
    if (!code.empty()) format_set_num_format(format, code.c_str());
    if (cell.bold) format_set_bold(format);
    if (cell.fill) {
      format_set_pattern(format, LXW_PATTERN_SOLID);
      format_set_bg_color(format, rgb(*cell.fill));
    }
    formats_.emplace(key, format);
    return format;
  }

 private:
  using Key = std::tuple<std::string, bool, bool, lxw_color_t>;
  lxw_workbook* workbook_;
  std::map<Key, lxw_format*> formats_;
};

std::string cell_name(std::size_t row, std::size_t column) {
  return "row " + std::to_string(row + 1) + ", column " + std::to_string(column + 1);
}

void write_sheet(lxw_workbook* workbook, Formats& formats, const Sheet& sheet) {
  check(workbook_validate_sheet_name(workbook, sheet.name.c_str()), "sheet name " + sheet.name);
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.name.c_str());
  if (worksheet == nullptr) throw std::runtime_error("cannot add the sheet " + sheet.name);
  const std::string where = "sheet " + sheet.name;

  for (std::size_t column = 0; column < sheet.column_widths.size(); ++column)
    check(
        worksheet_set_column(worksheet, static_cast<lxw_col_t>(column),
                             static_cast<lxw_col_t>(column), sheet.column_widths[column], nullptr),
        where + ", width of column " + std::to_string(column + 1));
  // merge_range writes a string into the first cell: merges go first, and the cells
  // written after them put numbers back as numbers.
  for (const auto& merge : sheet.merges) {
    lxw_format* format = nullptr;
    const auto first_row = static_cast<std::size_t>(merge.first_row);
    const auto first_column = static_cast<std::size_t>(merge.first_column);
    if (first_row < sheet.rows.size() && first_column < sheet.rows[first_row].size())
      format = formats.of(sheet.rows[first_row][first_column]);
    check(worksheet_merge_range(worksheet, static_cast<lxw_row_t>(merge.first_row),
                                static_cast<lxw_col_t>(merge.first_column),
                                static_cast<lxw_row_t>(merge.last_row),
                                static_cast<lxw_col_t>(merge.last_column), "", format),
          where + ", merge at " + cell_name(first_row, first_column));
  }
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
      const SheetCell& cell = sheet.rows[r][c];
      lxw_format* format = formats.of(cell);
      const auto row = static_cast<lxw_row_t>(r);
      const auto column = static_cast<lxw_col_t>(c);
      lxw_error error = LXW_NO_ERROR;
      if (const auto* number = std::get_if<double>(&cell.value)) {
        error = worksheet_write_number(worksheet, row, column, *number, format);
      } else if (const auto* text = std::get_if<std::string>(&cell.value)) {
        error = worksheet_write_string(worksheet, row, column, text->c_str(), format);
      } else if (format != nullptr) {
        error = worksheet_write_blank(worksheet, row, column, format);
      }
      check(error, where + ", " + cell_name(r, c));
    }
  }
  if (sheet.frozen_rows > 0)
    worksheet_freeze_panes(worksheet, static_cast<lxw_row_t>(sheet.frozen_rows), 0);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read back the XLSX file just written");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

std::string write_xlsx(const Workbook& workbook) {
  const PrivateDirectory directory;
  const std::string path = (directory.path() / "workbook.xlsx").string();
  std::string tmpdir = directory.path().string();
  lxw_workbook_options options{};
  options.tmpdir = tmpdir.data();
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  if (book == nullptr) throw std::runtime_error("cannot write the XLSX file: out of memory");
  try {
    std::string title = workbook.title;
    lxw_doc_properties properties{};
    properties.title = title.data();
    check(workbook_set_properties(book, &properties), "document title");
    Formats formats(book);
    for (const auto& sheet : workbook.sheets) write_sheet(book, formats, sheet);
  } catch (...) {
    workbook_close(book);  // frees the workbook; the half-written file goes with the directory
    throw;
  }
  check(workbook_close(book), "closing the workbook");
  return read_file(path);
}

}  // namespace planscore::document
