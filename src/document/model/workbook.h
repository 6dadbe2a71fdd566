#pragma once
// A spreadsheet as data, independent of the file format: built once, written as XLSX
// (xlsx/) or ODS (odf/). Numbers are stored as numbers; the format says how they show.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "document/model/document.h"

namespace planscore::document {

enum class NumberFormat {
  general,  // as stored
  integer,  // #,##0
  decimal,  // #,##0.00… with `decimals` places
  percent,  // the value is a fraction: 0.953 shows as 95.3% with decimals = 1
};

struct SheetCell {
  std::variant<std::monostate, std::string, double> value{};
  NumberFormat format = NumberFormat::general;
  int decimals = 0;
  bool bold = false;
  std::optional<Colour> fill{};
};

// A text cell and a number cell, the two kinds builders make.
inline SheetCell sheet_text(std::string text, bool bold = false) {
  SheetCell cell;
  cell.value = std::move(text);
  cell.bold = bold;
  return cell;
}
inline SheetCell sheet_number(double value, NumberFormat format = NumberFormat::general,
                              int decimals = 0) {
  SheetCell cell;
  cell.value = value;
  cell.format = format;
  cell.decimals = decimals;
  return cell;
}

struct MergedRange {  // 0-based, inclusive
  int first_row = 0;
  int first_column = 0;
  int last_row = 0;
  int last_column = 0;
};

struct Sheet {
  std::string name{};                   // Chinese allowed; at most 31 characters, no []:*?/\ .
  std::vector<double> column_widths{};  // in characters (a CJK character counts 2)
  std::vector<std::vector<SheetCell>> rows{};
  int frozen_rows = 0;  // header rows kept in view while scrolling
  std::vector<MergedRange> merges{};
};

struct Workbook {
  std::string title{};  // file metadata
  std::vector<Sheet> sheets{};
};

}  // namespace planscore::document
