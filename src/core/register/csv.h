#pragma once
// Reading CSV text (RFC 4180): quoted fields with embedded commas, quotes and newlines;
// CRLF or LF line ends; an optional UTF-8 byte-order mark. Pure: text in, rows out.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/problem.h"

namespace planscore::core {

// Larger inputs are refused outright: a register export is a few MB at most, and the
// whole text is held in memory.
constexpr std::size_t kMaxCsvBytes = 100 * 1024 * 1024;

struct CsvTable {
  std::vector<std::string> header;
  // Every row has header.size() fields: ragged rows are reported and left out.
  std::vector<std::vector<std::string>> rows;
  std::vector<int> row_lines;  // 1-based line where each row starts, for error messages
};

struct CsvResult {
  CsvTable table;
  Problems problems;  // malformed quoting, invalid UTF-8, ragged rows (path "line N")
};

CsvResult read_csv(std::string_view text);

// Spreadsheets (Excel, LibreOffice, Google Sheets) run a CSV cell that starts with =, +,
// -, @, a tab or a carriage return as a formula ("=HYPERLINK(…)", "+1+cmd|' /C calc'!A0").
// Every CSV the product writes puts its text cells through neutralize_csv_text, and the
// register import reads text cells back through restore_csv_text:
//  - neutralize_csv_text(text) never starts with one of those six characters;
//  - restore_csv_text(neutralize_csv_text(text)) == text for every text, so an export
//    imports back to the very same records.
// The rule: a text that starts with one of the six, or with one or more ' followed by one
// of them, gets one more ' in front (a spreadsheet shows a cell starting with ' as text);
// restore_csv_text takes exactly one ' off a cell of that shape and leaves every other
// cell as it is ("'abc" stays "'abc"). Numbers and dates are not text and go through
// neither, so "-5" in a number column stays the number -5.
std::string neutralize_csv_text(std::string_view text);
std::string restore_csv_text(std::string_view cell);

// One cell of a line to write. Text — anything a person or a plan wrote: names, units,
// notes, headers, text/choice/section values — is written through neutralize_csv_text.
// A value the program formatted from a number, a date or yes/no is written as it is.
struct CsvCell {
  CsvCell(std::string text) : text(std::move(text)) {}
  CsvCell(const char* text) : text(text) {}
  static CsvCell formatted(std::string text) {
    CsvCell cell(std::move(text));
    cell.is_text = false;
    return cell;
  }

  std::string text;
  bool is_text = true;
};

// Writes one CSV line (with CRLF), text cells neutralised and fields quoted where they
// need it: read_csv gives back each formatted cell as written and each text cell as
// neutralize_csv_text wrote it.
std::string csv_line(const std::vector<CsvCell>& cells);

}  // namespace planscore::core
