#pragma once
// Reading CSV text (RFC 4180): quoted fields with embedded commas, quotes and newlines;
// CRLF or LF line ends; an optional UTF-8 byte-order mark. Pure: text in, rows out.
#include <cstddef>
#include <string>
#include <string_view>
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

// Writes one CSV line (with CRLF), quoting fields that need it, so that read_csv gives
// the same fields back.
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace planscore::core
