// Fuzzes read_csv and checks that csv_line writes what read_csv reads: every row read
// from arbitrary bytes, written back as one line and read again, gives the same fields.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/register/csv.h"

namespace {

void check_round_trip(const std::vector<std::string>& fields) {
  // A single written line reads back as the header of a one-line file.
  const planscore::core::CsvResult again =
      planscore::core::read_csv(planscore::core::csv_line(fields));
  if (again.table.header != fields || !again.table.rows.empty()) __builtin_trap();
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
