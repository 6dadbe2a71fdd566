#pragma once
// How XLSX stores cell values, turned into the text the register import reads: cell
// references, numbers, dates (serial days with a date format) and escaped characters.
#include <optional>
#include <string>
#include <string_view>

namespace planscore::exchange {

// Excel's sheet size: references beyond it come only from damaged or hostile files.
constexpr int kMaxSheetRows = 1048576;
constexpr int kMaxSheetColumns = 16384;  // XFD

struct CellReference {
  int row = 0;     // 1-based
  int column = 0;  // 0-based: A is 0
};

// "C7" → row 7, column 2; nullopt when malformed or beyond Excel's sheet size.
std::optional<CellReference> parse_cell_reference(std::string_view text);
std::string column_name(int column);  // 0 → "A", 26 → "AA"

// A number as people read it: at most 15 significant digits (as Excel shows it, so
// 0.1 + 0.2 gives "0.3"), no exponent, no trailing zeros: "60", "0.25", "1229".
std::string number_text(double value);

// Whether a number format shows dates. Built-in ids 14–22 are the dates of every
// locale, 27–36 and 50–58 those of the CJK locales (民國 dates in zh-TW); a custom
// format is a date when it names days, months or years outside quotes and brackets.
bool is_date_format(int format_id, std::string_view format_code);

// An Excel serial day as an ISO date (YYYY-MM-DD), the time of day dropped; nullopt for
// serials that are no date (below 1 or after 9999-12-31). date1904: the workbook counts
// from 1904 (old Mac Excel).
std::optional<std::string> serial_to_iso_date(double serial, bool date1904);

// OOXML writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x).
std::string decode_ooxml_escapes(std::string_view text);

}  // namespace planscore::exchange
