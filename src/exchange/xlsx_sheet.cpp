#include "exchange/xlsx_sheet.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "core/text/utf8.h"
#include "exchange/utf8.h"
#include "exchange/xlsx_values.h"
#include "exchange/xml_part.h"

namespace planscore::exchange {
namespace {

// Past this many bad cells the rest are counted, not listed: a hostile or wrong file
// would otherwise give a million problems.
constexpr std::size_t kMaxCellProblems = 100;

struct SheetCell {
  int row = 0;
  int column = 0;
  std::string text;
};

// Reading stops at the first problem with the sheet as a whole.
struct SheetRefused {
  std::string message;
};

class SheetReader {
 public:
  SheetReader(const WorkbookInfo& workbook, const std::string& sheet_name)
      : workbook_(workbook), sheet_path_("sheet " + sheet_name) {}

  core::CsvResult read(const pugi::xml_node& worksheet) {
    try {
      read_cells(child(worksheet, "sheetData"));
      build_table();
    } catch (const SheetRefused& refused) {
      result_.table = {};
      result_.problems.push_back({sheet_path_, refused.message});
    }
    if (dropped_problems_ > 0)
      result_.problems.push_back(
          {sheet_path_, std::to_string(dropped_problems_) + " more cells have problems"});
    return std::move(result_);
  }

 private:
  void read_cells(const pugi::xml_node& sheet_data) {
    int next_row = 1;
    std::size_t text_bytes = 0;
    for_each_child(sheet_data, "row", [&](const pugi::xml_node& row) {
      int row_number = next_row;
      if (const auto r = row.attribute("r")) {
        row_number = 0;
        const std::string_view text = r.value();
        std::from_chars(text.data(), text.data() + text.size(), row_number);
        if (row_number < 1 || row_number > kMaxSheetRows)
          throw SheetRefused{"the row number \"" + std::string(text) +
                             "\" is not a row of a sheet"};
      }
      next_row = row_number + 1;
      int next_column = 0;
      for_each_child(row, "c", [&](const pugi::xml_node& c) {
        CellReference at{row_number, next_column};
        if (const auto r = c.attribute("r")) {
          const auto parsed = parse_cell_reference(r.value());
          if (!parsed)
            throw SheetRefused{"the cell reference \"" + std::string(r.value()) +
                               "\" is not a cell of a sheet"};
          at = *parsed;
        }
        if (at.column >= kMaxSheetColumns)
          throw SheetRefused{"row " + std::to_string(row_number) + " has more than " +
                             std::to_string(kMaxSheetColumns) + " columns"};
        next_column = at.column + 1;
        std::string text = cell_text(c, at);
        if (text.empty()) return;
        if (cells_.size() == kMaxSheetCells)
          throw SheetRefused{
              "the sheet has more than 1,000,000 cells; split it into smaller files"};
        text_bytes += text.size();
        if (text_bytes > core::kMaxCsvBytes)
          throw SheetRefused{"the sheet's text adds up to more than 100 MB"};
        cells_.push_back({at.row, at.column, std::move(text)});
      });
    });
  }

  std::string cell_path(const CellReference& at) const {
    return sheet_path_ + ", cell " + column_name(at.column) + std::to_string(at.row);
  }

  void cell_problem(const CellReference& at, std::string message) {
    if (result_.problems.size() >= kMaxCellProblems) {
      ++dropped_problems_;
      return;
    }
    result_.problems.push_back({cell_path(at), std::move(message)});
  }

  // The cell's value as text, or empty (after reporting) when it cannot be used.
  std::string cell_text(const pugi::xml_node& c, const CellReference& at) {
    const std::string_view type = c.attribute("t").value();
    // A formula cell holds its last computed value in <v>, which is what people saw.
    const std::string_view value = child(c, "v").child_value();
    std::string text;
    if (type == "s") {
      std::size_t index = 0;
      const auto parsed = std::from_chars(value.data(), value.data() + value.size(), index);
      if (parsed.ec != std::errc{} || parsed.ptr != value.data() + value.size() ||
          index >= workbook_.shared_strings.size()) {
        cell_problem(at, "the cell refers to shared string \"" + std::string(value) +
                             "\", which the workbook does not have");
        return "";
      }
      text = workbook_.shared_strings[index];
    } else if (type == "inlineStr") {
      const auto inline_string = child(c, "is");
      for (auto element = inline_string.first_child(); element; element = element.next_sibling()) {
        if (element.type() != pugi::node_element) continue;
        if (local_name(element) == "t") text += element.child_value();
        if (local_name(element) == "r") text += child(element, "t").child_value();
      }
      text = decode_ooxml_escapes(text);
    } else if (type == "str") {
      text = decode_ooxml_escapes(value);
    } else if (type == "b") {
      if (!value.empty()) text = value == "1" || value == "true" ? "TRUE" : "FALSE";
    } else if (type == "e") {
      cell_problem(at, "the cell's formula gives the error " + std::string(value));
      return "";
    } else if (type == "d") {
      text = std::string(value.substr(0, std::min<std::size_t>(value.size(), 10)));
    } else {
      if (value.empty()) return "";
      text = number_cell_text(c, value, at);
    }
    if (core::first_invalid_utf8(text)) {
      cell_problem(at, "the cell's text is not valid UTF-8");
      return "";
    }
    if (const auto length = utf8_length(text); length > kMaxCellCharacters) {
      cell_problem(at, "the cell holds " + std::to_string(length) +
                           " characters; a cell holds at most 32,767");
      return "";
    }
    return text;
  }

  std::string number_cell_text(const pugi::xml_node& c, std::string_view value,
                               const CellReference& at) {
    double number = 0;
    const auto parsed = std::from_chars(value.data(), value.data() + value.size(), number);
    if (parsed.ec != std::errc{} || parsed.ptr != value.data() + value.size()) {
      cell_problem(
          at, "the cell's number \"" + std::string(value.substr(0, 40)) + "\" is not a number");
      return "";
    }
    std::size_t style = 0;
    const std::string_view s = c.attribute("s").value();
    std::from_chars(s.data(), s.data() + s.size(), style);
    if (style < workbook_.date_styles.size() && workbook_.date_styles[style])
      if (auto date = serial_to_iso_date(number, workbook_.date1904)) return *date;
    return number_text(number);
  }

  void build_table() {
    if (cells_.empty()) throw SheetRefused{"the sheet is empty: expected a header row"};
    std::stable_sort(cells_.begin(), cells_.end(), [](const SheetCell& a, const SheetCell& b) {
      return a.row != b.row ? a.row < b.row : a.column < b.column;
    });
    const int header_row = cells_.front().row;
    std::size_t width = 0;
    std::size_t data_rows = 0;
    int last_row = header_row;
    for (const auto& cell : cells_) {
      if (cell.row == header_row) width = static_cast<std::size_t>(cell.column) + 1;
      if (cell.row != last_row) ++data_rows;
      last_row = cell.row;
    }
    if (width * (data_rows + 1) > kMaxSheetCells)
      throw SheetRefused{"the table is " + std::to_string(data_rows + 1) + " rows by " +
                         std::to_string(width) +
                         " columns, more than 1,000,000 cells; split it into smaller files"};

    auto& table = result_.table;
    table.header.assign(width, "");
    last_row = 0;
    for (auto& cell : cells_) {
      if (cell.row != last_row && cell.row != header_row) {
        table.rows.emplace_back(width);
        table.row_lines.push_back(cell.row);
      }
      last_row = cell.row;
      auto& row = cell.row == header_row ? table.header : table.rows.back();
      if (static_cast<std::size_t>(cell.column) >= width) {
        cell_problem({cell.row, cell.column}, "the cell is right of the last header column (" +
                                                  column_name(static_cast<int>(width) - 1) +
                                                  "); give the column a header");
        continue;
      }
      row[static_cast<std::size_t>(cell.column)] = std::move(cell.text);
    }
  }

  const WorkbookInfo& workbook_;
  std::string sheet_path_;
  std::vector<SheetCell> cells_;
  core::CsvResult result_;
  std::size_t dropped_problems_ = 0;
};

}  // namespace

core::CsvResult read_sheet_table(const std::string& xml_part_name, const std::string& xml,
                                 const WorkbookInfo& workbook, const std::string& sheet_name) {
  pugi::xml_document document;
  parse_part(document, xml_part_name, xml);
  return SheetReader(workbook, sheet_name).read(child(document, "worksheet"));
}

}  // namespace planscore::exchange
