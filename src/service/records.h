#pragma once
// Record use cases: add one record, import a CSV or XLSX file into a register. Both check every
// value against the register's schema first and write nothing when anything is wrong.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/role.h"
#include "core/plan/plan.h"
#include "core/problem.h"
#include "core/register/csv.h"
#include "exchange/text_encoding.h"
#include "service/record_list.h"
#include "store/store.h"

namespace planscore::service {

// One rejected cell or row of an import.
struct RowProblem {
  int row = 0;         // 1-based data row (the header is row 0)
  int line = 0;        // line in the file where the row starts
  std::string column;  // the field's display name, or empty for a whole-row problem
  std::string value;
  core::Problem reason;  // coded; its path is not used
};

struct ImportReport {
  core::Problems file_problems;  // the file as a whole: encoding, quoting, header
  std::vector<RowProblem> rows;  // every bad row, every bad cell
  int imported = 0;              // records written (0 unless everything was valid)
  int valid_rows = 0;            // rows that passed every check (= imported when written)
  int replaced = 0;              // records of the replaced year removed (or to be removed)

  bool ok() const { return file_problems.empty() && rows.empty(); }
};

// Every problem of a refused import as the CLI and the API report it: the file's own, then
// each row's at "row 3 (line 4), column 日期" with its code and params, and the row,
// line, column and cell as params too ("row", "line", "column", "cell").
core::Problems import_problems(const ImportReport& report);

// Every write takes the actor (service::system_actor() for the command line): only the
// register's own section may write it (core::can_write_records; a refusal throws
// Failure(forbidden)), nothing placed in a locked year changes, and every write is
// audited in its transaction. An unknown register throws Failure(not_found).

// Imports CSV text (UTF-8, with or without BOM) into `register_id`. The header names
// each column by field id or display name; columns may come in any order; optional
// fields may be left out. All or nothing: on any problem nothing is written.
// A row whose every value equals a record the register already holds is refused
// ("row_already_there", and "rows_already_there" for the file with their count): the same
// file imported twice, or an export imported back, would count every record twice. To load
// a year's records again, replace that year.
enum class ImportMode {
  write,
  check_only,  // every check (permission, cells, locked years, rows already there) and no
               // write: the preview people see before they confirm an import
};

struct ImportOptions {
  ImportMode mode = ImportMode::write;
  // Replace: the records placed in this year are removed and the file's rows take their
  // place, in one transaction. Every row must be placed in the year, and neither the year
  // nor a removed record's years may be locked. nullopt: the rows are added.
  std::optional<int> replace_year;
};

ImportReport import_csv(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                        const std::string& register_id, std::string_view csv_text,
                        const ImportOptions& options = {});

// The same for a table already split into cells (demo data, XLSX): `table.header`
// names the columns, `table.row_lines` may be empty.
ImportReport import_table(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                          const std::string& register_id, const core::CsvTable& table,
                          const ImportOptions& options = {});

// How to read an uploaded file: sections keep their lists in Excel, and older Excel on
// Traditional Chinese Windows saves CSV in Big5.
enum class ImportFormat { automatic, csv, xlsx };
// "auto", "csv", "xlsx"; nullopt otherwise.
std::optional<ImportFormat> parse_import_format(std::string_view name);

struct ImportSource {
  ImportFormat format = ImportFormat::automatic;  // automatic: a zip archive is XLSX
  exchange::TextEncoding encoding = exchange::TextEncoding::automatic;  // CSV only
  std::string sheet;  // XLSX only; empty: the first sheet
};

// Imports a file as uploaded (CSV in UTF-8 or Big5, or one sheet of an XLSX workbook),
// all or nothing like import_csv. A file that cannot be read (encoding, damaged or
// hostile workbook, unknown sheet) gives file_problems and writes nothing. XLSX rows are
// reported with their spreadsheet row numbers as `line`.
ImportReport import_file(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                         const std::string& register_id, std::string_view bytes,
                         const ImportSource& source, const ImportOptions& options = {});

struct AddResult {
  core::Problems problems;  // path = field id
  std::int64_t record_id = 0;
};

// Adds one record from field → text pairs (field id or display name as the key).
AddResult add_record(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                     const std::string& register_id,
                     const std::map<std::string, std::string>& values);

// Replaces every value of a record (fields left out become empty) when its version is
// still `expected_version`. Throws Failure: not_found, forbidden, locked (old or new
// placement in a locked year), invalid (problems per field), conflict (stale version).
store::StoredRecord update_record(store::Store& store, const core::Plan& plan,
                                  const core::Actor& actor, const std::string& register_id,
                                  std::int64_t record_id,
                                  const std::map<std::string, std::string>& values,
                                  std::int64_t expected_version);

void delete_record(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                   const std::string& register_id, std::int64_t record_id,
                   std::int64_t expected_version);

store::StoredRecord get_record(store::Store& store, const core::Plan& plan,
                               const std::string& register_id, std::int64_t record_id);

// How many records the register holds.
std::int64_t record_count(store::Store& store, const core::RegisterDef& register_def);

// Throws Failure(invalid) naming the bad filter, sort key or paging value.
store::RecordPage list_records(store::Store& store, const core::Plan& plan,
                               const std::string& register_id, const RecordListRequest& request);

}  // namespace planscore::service
