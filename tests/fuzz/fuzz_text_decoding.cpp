// Any bytes as an uploaded CSV file, decoded the three ways an import can ask for (auto,
// UTF-8, Big5/CP950) and then read as CSV, as service::import_file does. Decoding must
// give valid UTF-8 or a problem, never both; the reader must keep its shape promises.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/register/csv.h"
#include "core/text/utf8.h"
#include "exchange/text_encoding.h"

namespace {

using namespace planscore;

void check_decoded(std::string_view bytes, exchange::TextEncoding asked) {
  const exchange::DecodedText decoded = exchange::decode_text(bytes, asked);
  if (decoded.encoding == exchange::TextEncoding::automatic) __builtin_trap();
  if (asked != exchange::TextEncoding::automatic && decoded.encoding != asked) __builtin_trap();
  if (!decoded.problems.empty()) {
    if (!decoded.text.empty()) __builtin_trap();
    return;
  }
  if (core::first_invalid_utf8(decoded.text)) __builtin_trap();
  // Valid UTF-8 is never second-guessed as Big5, and comes back as it was, minus the BOM.
  if (decoded.encoding == exchange::TextEncoding::utf8) {
    const std::string_view expected = bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
    if (decoded.text != expected) __builtin_trap();
  }
  const core::CsvResult csv = core::read_csv(decoded.text);
  if (csv.table.rows.size() != csv.table.row_lines.size()) __builtin_trap();
  for (const auto& row : csv.table.rows)
    if (row.size() != csv.table.header.size()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check_decoded(bytes, exchange::TextEncoding::automatic);
  check_decoded(bytes, exchange::TextEncoding::utf8);
  check_decoded(bytes, exchange::TextEncoding::big5);
  return 0;
}
