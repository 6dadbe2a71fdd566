// Any bytes as an uploaded XLSX workbook. Input starting with "PK" is the file itself
// (the zip layer: headers, sizes, damaged streams). Anything else is split at NUL bytes
// into workbook.xml, sheet1.xml, sharedStrings.xml and styles.xml, which are packed into
// a valid package first: mutated zip bytes rarely get past the CRC, and the XML readers
// (cell references, shared string indexes, date styles) are where most of the code is.
// Either way read_xlsx must give a table or problems, never a crash, and a table must keep
// the CSV reader's shape.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/utf8.h"
#include "exchange/xlsx_reader.h"

namespace {

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>)";
constexpr std::string_view kRootRelationships =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
constexpr std::string_view kWorkbookRelationships =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)";

// The fuzzed parts, in the order they appear in the input.
constexpr const char* kFuzzedParts[] = {"xl/workbook.xml", "xl/worksheets/sheet1.xml",
                                        "xl/sharedStrings.xml", "xl/styles.xml"};

std::vector<std::string_view> split_at_nul(std::string_view text) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < std::size(kFuzzedParts)) {
    const auto nul = text.find('\0');
    if (nul == std::string_view::npos) break;
    parts.push_back(text.substr(0, nul));
    text.remove_prefix(nul + 1);
  }
  parts.push_back(text);
  return parts;
}

bool add_part(zip_t* archive, const char* name, std::string_view content) {
  zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
  if (source == nullptr) return false;
  const zip_int64_t index = zip_file_add(archive, name, source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    return false;
  }
  // Stored, not deflated: the fuzzer's time belongs to the XML readers.
  return zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0) == 0;
}

// A package holding the fixed relationship parts and the fuzzed parts; empty on failure.
std::string package(std::string_view fuzzed) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) return {};
  zip_source_keep(buffer);  // read back after zip_close
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  std::string bytes;
  if (archive != nullptr) {
    const auto parts = split_at_nul(fuzzed);
    bool ok = add_part(archive, "[Content_Types].xml", kContentTypes) &&
              add_part(archive, "_rels/.rels", kRootRelationships) &&
              add_part(archive, "xl/_rels/workbook.xml.rels", kWorkbookRelationships);
    for (std::size_t i = 0; ok && i < parts.size(); ++i)
      ok = add_part(archive, kFuzzedParts[i], parts[i]);
    if (!ok || zip_close(archive) != 0) {
      zip_discard(archive);
    } else if (zip_source_open(buffer) == 0) {
      zip_source_seek(buffer, 0, SEEK_END);
      bytes.resize(static_cast<std::size_t>(zip_source_tell(buffer)));
      zip_source_seek(buffer, 0, SEEK_SET);
      if (zip_source_read(buffer, bytes.data(), bytes.size()) !=
          static_cast<zip_int64_t>(bytes.size()))
        bytes.clear();
      zip_source_close(buffer);
    }
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

void check(const planscore::core::CsvResult& result) {
  const auto& table = result.table;
  // A refused file gives no table; problems with single cells keep the rest of it.
  for (const auto& problem : result.problems)
    if (problem.path == "file" && (!table.header.empty() || !table.rows.empty())) __builtin_trap();
  if (table.rows.size() != table.row_lines.size()) __builtin_trap();
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    if (table.rows[i].size() != table.header.size()) __builtin_trap();
    if (i > 0 && table.row_lines[i] <= table.row_lines[i - 1]) __builtin_trap();
    for (const auto& cell : table.rows[i])
      if (planscore::core::first_invalid_utf8(cell)) __builtin_trap();
  }
  for (const auto& cell : table.header)
    if (planscore::core::first_invalid_utf8(cell)) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (input.starts_with("PK")) {
    check(planscore::exchange::read_xlsx(input, ""));
    return 0;
  }
  const std::string bytes = package(input);
  if (bytes.empty()) return 0;
  check(planscore::exchange::read_xlsx(bytes, ""));
  return 0;
}
