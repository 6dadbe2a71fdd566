#include "exchange/xlsx_values.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace planscore::exchange {
namespace {

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

void append_utf8(std::string& out, unsigned code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::optional<CellReference> parse_cell_reference(std::string_view text) {
  std::size_t at = 0;
  long column = 0;
  while (at < text.size() &&
         ((text[at] >= 'A' && text[at] <= 'Z') || (text[at] >= 'a' && text[at] <= 'z'))) {
    column = column * 26 + (ascii_lower(text[at]) - 'a' + 1);
    if (column > kMaxSheetColumns) return std::nullopt;
    ++at;
  }
  if (at == 0 || at == text.size()) return std::nullopt;
  long row = 0;
  for (; at < text.size(); ++at) {
    if (text[at] < '0' || text[at] > '9') return std::nullopt;
    row = row * 10 + (text[at] - '0');
    if (row > kMaxSheetRows) return std::nullopt;
  }
  if (row < 1) return std::nullopt;
  return CellReference{static_cast<int>(row), static_cast<int>(column - 1)};
}

std::string column_name(int column) {
  std::string name;
  for (int n = column + 1; n > 0; n = (n - 1) / 26)
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  return name;
}

std::string number_text(double value) {
  if (!std::isfinite(value)) return "";
  if (value == 0) return "0";  // also -0
  char rounded[64];
  std::snprintf(rounded, sizeof rounded, "%.15g", value);
  const double shown = std::strtod(rounded, nullptr);
  char text[400];
  const auto result = std::to_chars(text, text + sizeof text, shown, std::chars_format::fixed);
  if (result.ec != std::errc{}) return rounded;
  return std::string(text, result.ptr);
}

bool is_date_format(int format_id, std::string_view format_code) {
  if ((format_id >= 14 && format_id <= 17) || format_id == 22) return true;
  if ((format_id >= 27 && format_id <= 36) || (format_id >= 50 && format_id <= 58)) return true;
  if (format_id < 164) return false;  // the other built-ins: numbers, text, times
  bool has_day_or_year = false;
  bool has_month_or_minute = false;
  bool has_hour_or_second = false;
  for (std::size_t at = 0; at < format_code.size(); ++at) {
    const char c = ascii_lower(format_code[at]);
    if (c == '"') {
      const auto close = format_code.find('"', at + 1);
      if (close == std::string_view::npos) break;
      at = close;
    } else if (c == '[') {  // colour, locale ([$-404]), condition or elapsed time ([h])
      const auto close = format_code.find(']', at + 1);
      if (close == std::string_view::npos) break;
      const auto inside = format_code.substr(at + 1, close - at - 1);
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos)
        has_hour_or_second = true;
      at = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++at;  // the next character is literal or padding
    } else if (c == 'e' && at + 1 < format_code.size() &&
               (format_code[at + 1] == '+' || format_code[at + 1] == '-')) {
      ++at;  // scientific notation
    } else if (c == 'd' || c == 'y' || c == 'e' || c == 'g') {
      has_day_or_year = true;  // e and g: the era year and era of 民國 formats
    } else if (c == 'm') {
      has_month_or_minute = true;
    } else if (c == 'h' || c == 's') {
      has_hour_or_second = true;
    }
  }
  // "General" is no date even though it holds an e.
  std::string lower;
  for (const char c : format_code) lower += ascii_lower(c);
  if (lower == "general") return false;
  return has_day_or_year || (has_month_or_minute && !has_hour_or_second);
}

std::optional<std::string> serial_to_iso_date(double serial, bool date1904) {
  using namespace std::chrono;
  if (!std::isfinite(serial) || serial < 1 || serial >= 2958466) return std::nullopt;
  auto days = static_cast<long>(std::floor(serial));
  sys_days day;
  if (date1904) {
    day = sys_days{year{1904} / January / 1} + std::chrono::days{days};
  } else {
    // Excel keeps Lotus 1-2-3's 29 February 1900 as serial 60; later serials count from
    // 1899-12-30 and earlier ones from 1899-12-31.
    if (days == 60) return "1900-02-29";
    if (days < 60) ++days;
    day = sys_days{year{1899} / December / 30} + std::chrono::days{days};
  }
  const year_month_day date{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return std::string(text);
}

std::string decode_ooxml_escapes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    if (text[at] == '_' && at + 6 < text.size() && text[at + 1] == 'x' && is_hex(text[at + 2]) &&
        is_hex(text[at + 3]) && is_hex(text[at + 4]) && is_hex(text[at + 5]) &&
        text[at + 6] == '_') {
      const unsigned code = static_cast<unsigned>(
          std::strtoul(std::string(text.substr(at + 2, 4)).c_str(), nullptr, 16));
      if (code < 0xD800 || code > 0xDFFF) {  // a lone surrogate half is no character
        append_utf8(out, code);
        at += 7;
        continue;
      }
    }
    out += text[at++];
  }
  return out;
}

}  // namespace planscore::exchange
