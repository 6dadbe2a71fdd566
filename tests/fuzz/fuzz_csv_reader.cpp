// Fuzzes read_csv and checks that csv_line writes what read_csv reads: every row read
// from arbitrary bytes, written back as one line of text cells, read again and restored
// (restore_csv_text), gives the same fields, and no written cell starts a formula.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/register/csv.h"

namespace {

void check_round_trip(const std::vector<std::string>& fields) {
  namespace core = planscore::core;
  // A single written line reads back as the header of a one-line file.
  const core::CsvResult again =
      core::read_csv(core::csv_line(std::vector<core::CsvCell>(fields.begin(), fields.end())));
  if (again.table.header.size() != fields.size() || !again.table.rows.empty()) __builtin_trap();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string& cell = again.table.header[i];
    if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos)
      __builtin_trap();
    if (core::restore_csv_text(cell) != fields[i]) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const planscore::core::CsvResult result = planscore::core::read_csv(text);
  if (result.table.rows.size() != result.table.row_lines.size()) __builtin_trap();
  if (!result.table.header.empty()) check_round_trip(result.table.header);
  for (const auto& row : result.table.rows) {
    if (row.size() != result.table.header.size()) __builtin_trap();
    check_round_trip(row);
  }
  return 0;
}
