#include "service/records.h"

#include <algorithm>
#include <future>
#include <iterator>
#include <optional>
#include <stdexcept>

#include "core/problem_catalog.h"
#include "core/register/csv.h"
#include "core/register/placement.h"
#include "core/register/record.h"
#include "exchange/xlsx_reader.h"
#include "service/audit.h"
#include "service/failure.h"
#include "service/import_rows.h"
#include "service/plan_lookup.h"
#include "service/record_fingerprints.h"
#include "service/snapshots.h"
#include "service/year_locks.h"

namespace planscore::service {
namespace {

// The field a column header or value key names: by id first, then by display name.
std::optional<std::size_t> field_index(const core::RegisterDef& reg, std::string_view name) {
  for (std::size_t i = 0; i < reg.fields.size(); ++i)
    if (reg.fields[i].id == name) return i;
  for (std::size_t i = 0; i < reg.fields.size(); ++i)
    if (reg.fields[i].name == name) return i;
  return std::nullopt;
}

// Maps header columns to field positions; reports unknown, repeated and missing columns.
std::vector<std::optional<std::size_t>> map_header(const core::RegisterDef& reg,
                                                   const std::vector<std::string>& header,
                                                   core::Problems& problems) {
  std::vector<std::optional<std::size_t>> columns;
  std::vector<bool> seen(reg.fields.size(), false);
  for (std::size_t c = 0; c < header.size(); ++c) {
    // The export writes display names as text, neutralised like any other (csv.h).
    auto index = field_index(reg, core::restore_csv_text(header[c]));
    const std::string where = "header, column " + std::to_string(c + 1);
    if (!index) {
      problems.push_back(core::coded_problem(
          where, "not_a_field",
          {{"name", header[c]}, {"register", reg.id}, {"fields", field_list(reg)}}));
    } else if (seen[*index]) {
      problems.push_back(
          core::coded_problem(where, "field_twice", {{"name", reg.fields[*index].name}}));
      index.reset();
    } else {
      seen[*index] = true;
    }
    columns.push_back(index);
  }
  // A required field with a default can do without its column: every row gets the default.
  for (std::size_t f = 0; f < reg.fields.size(); ++f)
    if (!seen[f] && reg.fields[f].required && reg.fields[f].default_value.empty())
      problems.push_back(core::coded_problem(
          "header", "missing_column", {{"name", reg.fields[f].name}, {"field", reg.fields[f].id}}));
  return columns;
}

void require_writer(const core::Actor& actor, const core::RegisterDef& reg) {
  if (!core::can_write_records(actor, reg.owner_section))
    throw Failure(FailureKind::forbidden, "only the editors of section " + reg.owner_section +
                                              " may change the records of " + reg.id);
}

std::string record_object(const core::RegisterDef& reg, std::int64_t record_id) {
  return reg.id + "/" + std::to_string(record_id);
}

// A record from field → text pairs (id or display name as the key); problems are keyed
// by field id.
core::Record parse_record(const core::Plan& plan, const core::RegisterDef& reg,
                          const std::map<std::string, std::string>& values,
                          core::Problems& problems) {
  core::Record record;
  record.values.assign(reg.fields.size(), core::FieldValue{});
  std::vector<bool> given(reg.fields.size(), false);
  const auto sections = section_ids(plan);
  for (const auto& [key, text] : values) {
    auto index = field_index(reg, key);
    if (!index) {
      problems.push_back(core::coded_problem(
          key, "not_a_field", {{"name", key}, {"register", reg.id}, {"fields", field_list(reg)}}));
      continue;
    }
    given[*index] = true;
    auto parsed = core::parse_field_value(reg.fields[*index], text, sections);
    if (parsed.error) {
      parsed.error->path = reg.fields[*index].id;
      problems.push_back(std::move(*parsed.error));
    } else
      record.values[*index] = parsed.value;
  }
  for (std::size_t f = 0; f < reg.fields.size(); ++f) {
    if (given[f]) continue;
    // Absent is treated as empty, so the default applies; an update replaces the whole
    // record, so a field left out of it gets the default too.
    if (!reg.fields[f].default_value.empty())
      record.values[f] = core::parse_field_value(reg.fields[f], "", sections).value;
    else if (reg.fields[f].required)
      problems.push_back(core::coded_problem(reg.fields[f].id, "required_field_empty",
                                             {{"field", reg.fields[f].name}}));
  }
  if (problems.empty()) problems = core::check_record(reg, record);
  return record;
}

// Removes (when `write`) the records of `reg` placed in `year`, each checked against the
// locked years like any deletion; returns how many there are.
int remove_year(store::Store& store, const core::Plan& plan, const core::RegisterDef& reg, int year,
                bool write) {
  std::vector<std::pair<std::int64_t, std::int64_t>> doomed;  // id, version
  std::int64_t after = 0;
  for (;;) {
    const auto page = store.records_after(reg, {year}, after, 10'000);
    if (page.empty()) break;
    after = page.back().id;
    for (const auto& stored : page) {
      require_unlocked(store, plan, core::placement(reg, stored.record), "a record being replaced");
      doomed.emplace_back(stored.id, stored.version);
    }
  }
  if (write)
    for (const auto& [id, version] : doomed)
      if (!store.delete_record(reg, id, version))
        throw Failure(FailureKind::conflict,
                      "record " + std::to_string(id) + " changed during the import");
  return static_cast<int>(doomed.size());
}

// Rows already in the register are named once for the file, with their count, and
// individually only for the first few: a file imported twice would otherwise list every
// one of its rows.
void summarize_rows_already_there(ImportReport& report, std::size_t rows) {
  constexpr int kNamedRows = 20;
  int count = 0;
  std::erase_if(report.rows, [&](const RowProblem& row) {
    return row.reason.code == "row_already_there" && ++count > kNamedRows;
  });
  if (count > 0)
    report.file_problems.push_back(
        core::coded_problem("file", "rows_already_there",
                            {{"count", std::to_string(count)}, {"rows", std::to_string(rows)}}));
}

}  // namespace

core::Problems import_problems(const ImportReport& report) {
  core::Problems problems = report.file_problems;
  for (const auto& row : report.rows) {
    core::Problem problem = row.reason;
    problem.path = "row " + std::to_string(row.row) + " (line " + std::to_string(row.line) + ")";
    if (!row.column.empty()) problem.path += ", column " + row.column;
    problem.params.insert({{"row", std::to_string(row.row)},
                           {"line", std::to_string(row.line)},
                           {"column", row.column},
                           {"cell", row.value}});
    problems.push_back(std::move(problem));
  }
  return problems;
}

ImportReport import_csv(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                        const std::string& register_id, std::string_view csv_text,
                        const ImportOptions& options) {
  require_register(plan, register_id);
  auto csv = core::read_csv(csv_text);
  if (!csv.problems.empty()) {
    ImportReport report;
    report.file_problems = csv.problems;
    return report;
  }
  return import_table(store, plan, actor, register_id, csv.table, options);
}

std::optional<ImportFormat> parse_import_format(std::string_view name) {
  if (name == "auto") return ImportFormat::automatic;
  if (name == "csv") return ImportFormat::csv;
  if (name == "xlsx") return ImportFormat::xlsx;
  return std::nullopt;
}

ImportReport import_file(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                         const std::string& register_id, std::string_view bytes,
                         const ImportSource& source, const ImportOptions& options) {
  // Refusals come before the file is read: a person who may not write the register
  // learns that, not what is wrong with the file.
  require_writer(actor, require_register(plan, register_id));
  ImportReport report;
  const bool zip = exchange::looks_like_zip(bytes);
  core::CsvResult read;
  if (source.format == ImportFormat::xlsx || (source.format == ImportFormat::automatic && zip)) {
    read = exchange::read_xlsx(bytes, source.sheet);
  } else if (zip) {
    report.file_problems.push_back(
        {"file", "the file is an XLSX workbook, not CSV; import it as XLSX"});
    return report;
  } else {
    auto decoded = exchange::decode_text(bytes, source.encoding);
    if (!decoded.problems.empty()) {
      report.file_problems = std::move(decoded.problems);
      return report;
    }
    read = core::read_csv(decoded.text);
  }
  if (!read.problems.empty()) {
    report.file_problems = std::move(read.problems);
    return report;
  }
  return import_table(store, plan, actor, register_id, read.table, options);
}

ImportReport import_table(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                          const std::string& register_id, const core::CsvTable& table,
                          const ImportOptions& options) {
  const auto& reg = require_register(plan, register_id);
  require_writer(actor, reg);
  if (options.replace_year) {
    require_plan_year(plan, *options.replace_year);
    require_unlocked(store, plan, core::YearSpan{*options.replace_year, *options.replace_year},
                     "the year being replaced");
  }
  ImportReport report;
  if (table.header.empty()) {
    report.file_problems.push_back(core::coded_problem("line 1", "file_empty"));
    return report;
  }
  const auto mapped = map_header(reg, table.header, report.file_problems);
  if (!report.file_problems.empty()) return report;
  std::vector<std::size_t> columns;
  for (const auto& column : mapped) columns.push_back(*column);

  std::optional<store::Transaction> transaction;
  if (options.mode == ImportMode::write) transaction.emplace(store);
  // Read inside the transaction, so two imports of one file cannot both pass.
  const RecordFingerprints existing(store, reg, options.replace_year);
  if (options.replace_year)
    report.replaced = remove_year(store, plan, reg, *options.replace_year, transaction.has_value());
  const RowChecker checker(plan, reg, std::move(columns),
                           {locked_years(store, plan), &existing, options.replace_year});

  // Rows are checked a chunk ahead of the writes, on a thread of their own, so the checks
  // (about 0.5 s for 10^6 records) cost no time of their own, and only two chunks of
  // records are held at once. Records written before a bad row turns up go with the
  // transaction, which is then not committed.
  constexpr std::size_t kRowsPerChunk = 50'000;
  const std::size_t rows = table.rows.size();
  const auto check_chunk = [&](std::size_t first) {
    return std::async(std::launch::async, [&checker, &table, first, rows] {
      return checker.check(table, first, std::min(rows, first + kRowsPerChunk));
    });
  };
  std::vector<std::int64_t> ids;
  int valid_rows = 0;
  std::future<CheckedRows> next = check_chunk(0);
  for (std::size_t first = 0; first < rows; first += kRowsPerChunk) {
    CheckedRows checked = next.get();
    if (first + kRowsPerChunk < rows) next = check_chunk(first + kRowsPerChunk);
    report.rows.insert(report.rows.end(), std::make_move_iterator(checked.problems.begin()),
                       std::make_move_iterator(checked.problems.end()));
    valid_rows += static_cast<int>(checked.records.size());
    if (transaction && report.ok() && !checked.records.empty()) {
      const auto written = store.insert_records(reg, checked.records);
      ids.insert(ids.end(), written.begin(), written.end());
    }
  }
  summarize_rows_already_there(report, rows);
  if (!report.ok()) return report;
  report.valid_rows = valid_rows;
  if (!transaction) return report;
  audit(store, actor,
        {"record.import", "register", reg.id, "",
         fields_snapshot(
             {{"records", std::to_string(ids.size())},
              {"first_id", ids.empty() ? "" : std::to_string(ids.front())},
              {"last_id", ids.empty() ? "" : std::to_string(ids.back())},
              {"replaced_year", options.replace_year ? std::to_string(*options.replace_year) : ""},
              {"replaced", std::to_string(report.replaced)}}),
         ""});
  transaction->commit();
  report.imported = static_cast<int>(ids.size());
  return report;
}

AddResult add_record(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                     const std::string& register_id,
                     const std::map<std::string, std::string>& values) {
  const auto& reg = require_register(plan, register_id);
  require_writer(actor, reg);
  AddResult result;
  auto record = parse_record(plan, reg, values, result.problems);
  if (!result.problems.empty()) return result;

  store::Transaction transaction(store);
  require_unlocked(store, plan, core::placement(reg, record), "the record");
  result.record_id = store.insert_records(reg, {record}).front();
  audit(store, actor,
        {"record.create", "record", record_object(reg, result.record_id), "",
         record_snapshot(reg, {result.record_id, 1, record}), ""});
  transaction.commit();
  return result;
}

std::int64_t record_count(store::Store& store, const core::RegisterDef& register_def) {
  return store.count_records(register_def);
}

store::StoredRecord get_record(store::Store& store, const core::Plan& plan,
                               const std::string& register_id, std::int64_t record_id) {
  const auto& reg = require_register(plan, register_id);
  auto record = store.find_record(reg, record_id);
  if (!record)
    throw Failure(FailureKind::not_found, reg.id + " has no record " + std::to_string(record_id));
  return *record;
}

store::StoredRecord update_record(store::Store& store, const core::Plan& plan,
                                  const core::Actor& actor, const std::string& register_id,
                                  std::int64_t record_id,
                                  const std::map<std::string, std::string>& values,
                                  std::int64_t expected_version) {
  const auto& reg = require_register(plan, register_id);
  require_writer(actor, reg);
  core::Problems problems;
  auto record = parse_record(plan, reg, values, problems);
  if (!problems.empty())
    throw Failure(FailureKind::invalid, "the record was not changed", problems);

  store::Transaction transaction(store);
  const auto before = get_record(store, plan, register_id, record_id);
  require_unlocked(store, plan, core::placement(reg, before.record), "the record");
  require_unlocked(store, plan, core::placement(reg, record), "the changed record");
  auto version = store.update_record(reg, record_id, record, expected_version);
  if (!version)
    throw Failure(FailureKind::conflict, "record " + record_object(reg, record_id) +
                                             " was changed by someone else since you read it "
                                             "(you have version " +
                                             std::to_string(expected_version) + ", it is at " +
                                             std::to_string(before.version) + ")");
  const store::StoredRecord after{record_id, *version, record};
  audit(store, actor,
        {"record.update", "record", record_object(reg, record_id), record_snapshot(reg, before),
         record_snapshot(reg, after), ""});
  transaction.commit();
  return after;
}

void delete_record(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                   const std::string& register_id, std::int64_t record_id,
                   std::int64_t expected_version) {
  const auto& reg = require_register(plan, register_id);
  require_writer(actor, reg);
  store::Transaction transaction(store);
  const auto before = get_record(store, plan, register_id, record_id);
  require_unlocked(store, plan, core::placement(reg, before.record), "the record");
  if (!store.delete_record(reg, record_id, expected_version))
    throw Failure(FailureKind::conflict, "record " + record_object(reg, record_id) +
                                             " was changed by someone else since you read it");
  audit(store, actor,
        {"record.delete", "record", record_object(reg, record_id), record_snapshot(reg, before), "",
         ""});
  transaction.commit();
}

store::RecordPage list_records(store::Store& store, const core::Plan& plan,
                               const std::string& register_id, const RecordListRequest& request) {
  const auto& reg = require_register(plan, register_id);
  return store.list_records(reg, record_list_query(plan, reg, request));
}

}  // namespace planscore::service
