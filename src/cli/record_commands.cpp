#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "cli/terminal_io.h"
#include "core/register/csv.h"
#include "core/register/record.h"
#include "exchange/text_encoding.h"
#include "service/audit.h"
#include "service/manual_values.h"
#include "service/plans.h"
#include "service/records.h"
#include "store/store.h"

namespace planscore::cli {
namespace {

struct RecordOptions {
  std::string register_id;
  std::string file;
  std::string format = "auto", encoding = "auto", sheet;
  int replace_year = 0;                  // 0: add the file's records
  std::vector<std::string> assignments;  // field=value
  std::string indicator_id, note;
  int year = 0;
  std::string value;  // a number, or a milestone's stage name
  std::int64_t record_id = 0;
  std::optional<int> list_year;
  std::int64_t limit = 50;
};

void print_import_problems(const service::ImportReport& report) {
  for (const auto& problem : service::import_problems(report))
    std::cerr << "  " << core::to_string(problem) << "\n";
}

int import_records(const RecordOptions& options, const Database& database) {
  auto store = database.open();
  const auto plan = service::require_current_plan(*store);
  service::ImportSource source;
  source.format = *service::parse_import_format(options.format);
  source.encoding = *exchange::parse_text_encoding(options.encoding);
  source.sheet = options.sheet;
  service::ImportOptions import_options;
  if (options.replace_year != 0) import_options.replace_year = options.replace_year;
  const auto report = service::import_file(
      *store, plan, service::system_actor(), options.register_id,
      read_file(options.file, core::kMaxCsvBytes, "record files"), source, import_options);
  if (!report.ok()) {
    std::cerr << fmt::format("error: {} was not imported: {} problem(s); nothing was written\n",
                             options.file, report.file_problems.size() + report.rows.size());
    print_import_problems(report);
    return 1;
  }
  if (import_options.replace_year)
    std::cout << fmt::format("replaced the {} records of {} in {} with {} records\n",
                             report.replaced, options.replace_year, options.register_id,
                             report.imported);
  else
    std::cout << fmt::format("imported {} records into {}\n", report.imported, options.register_id);
  return 0;
}

int add_record(const RecordOptions& options, const Database& database) {
  auto store = database.open();
  const auto plan = service::require_current_plan(*store);
  std::map<std::string, std::string> values;
  for (const auto& assignment : options.assignments) {
    const auto equals = assignment.find('=');
    if (equals == std::string::npos)
      throw CommandError("\"" + assignment + "\" is not field=value");
    values[assignment.substr(0, equals)] = assignment.substr(equals + 1);
  }
  const auto result =
      service::add_record(*store, plan, service::system_actor(), options.register_id, values);
  if (!result.problems.empty()) throw CommandError("the record was not added", result.problems);
  std::cout << fmt::format("added record {} to {}\n", result.record_id, options.register_id);
  return 0;
}

// The records newest first, as the register page lists them, with their ids for
// `record delete`.
int list_records(const RecordOptions& options, const Database& database) {
  auto store = database.open();
  const auto plan = service::require_current_plan(*store);
  service::RecordListRequest request;
  request.year = options.list_year;
  request.limit = options.limit;
  const auto page = service::list_records(*store, plan, options.register_id, request);
  const auto* reg = plan.find_register(options.register_id);
  std::vector<std::string> header{"id"};
  for (const auto& field : reg->fields) header.push_back(field.name);
  std::vector<std::vector<std::string>> rows;
  for (const auto& stored : page.records) {
    std::vector<std::string> row{std::to_string(stored.id)};
    for (const auto& value : stored.record.values) row.push_back(core::to_text(value));
    rows.push_back(std::move(row));
  }
  std::cout << format_table(header, rows, {true});
  std::cout << fmt::format("{} of {} record(s)\n", page.records.size(), page.total);
  return 0;
}

int delete_record(const RecordOptions& options, const Database& database) {
  auto store = database.open();
  const auto plan = service::require_current_plan(*store);
  const auto stored = service::get_record(*store, plan, options.register_id, options.record_id);
  service::delete_record(*store, plan, service::system_actor(), options.register_id,
                         options.record_id, stored.version);
  std::cout << fmt::format("deleted record {} from {}\n", options.record_id, options.register_id);
  return 0;
}

int set_value(const RecordOptions& options, const Database& database) {
  auto store = database.open();
  const auto plan = service::require_current_plan(*store);
  const double value = service::manual_value_from_text(plan, options.indicator_id, options.value);
  service::set_manual_value(*store, plan, service::system_actor(), options.indicator_id,
                            options.year, value, options.note, std::nullopt);
  std::cout << fmt::format("{} {}: {}\n", options.indicator_id, options.year, options.value);
  return 0;
}

int clear_value(const RecordOptions& options, const Database& database) {
  auto store = database.open();
  const auto plan = service::require_current_plan(*store);
  for (const auto& value : service::manual_values(*store, plan, options.year))
    if (value.indicator_id == options.indicator_id) {
      service::delete_manual_value(*store, plan, service::system_actor(), options.indicator_id,
                                   options.year, value.version);
      std::cout << fmt::format("cleared {} {}\n", options.indicator_id, options.year);
      return 0;
    }
  throw CommandError(
      fmt::format("no value was entered for {} in {}", options.indicator_id, options.year));
}

}  // namespace

void add_record_commands(CLI::App& app, Commands& commands) {
  auto options = std::make_shared<RecordOptions>();

  auto* record = app.add_subcommand("record", "add, import, list or delete register records");
  record->require_subcommand(1);
  auto* import_command = record->add_subcommand(
      "import", "import a CSV or XLSX file into a register (all or nothing)");
  import_command->add_option("REGISTER", options->register_id, "register id")->required();
  import_command->add_option("FILE", options->file, "CSV (UTF-8 or Big5) or XLSX file")->required();
  import_command
      ->add_option("--format", options->format, "auto (an XLSX file is recognised), csv or xlsx")
      ->check(CLI::IsMember({"auto", "csv", "xlsx"}));
  import_command
      ->add_option("--encoding", options->encoding,
                   "CSV text encoding: auto (UTF-8, else Big5), utf-8 or big5")
      ->check(CLI::IsMember({"auto", "utf-8", "utf8", "big5", "cp950"}, CLI::ignore_case));
  import_command->add_option("--sheet", options->sheet,
                             "XLSX sheet to read (default: the first sheet)");
  import_command
      ->add_option("--replace", options->replace_year,
                   "replace the register's records of this ROC year with the file's "
                   "(every row must belong to it)")
      ->check(CLI::Range(1, 9999));
  commands.add(import_command,
               [options](const Database& db) { return import_records(*options, db); });

  auto* add_command = record->add_subcommand("add", "add one record: field=value …");
  add_command->add_option("REGISTER", options->register_id, "register id")->required();
  add_command
      ->add_option("VALUES", options->assignments, "field=value pairs (field id or display name)")
      ->required();
  commands.add(add_command, [options](const Database& db) { return add_record(*options, db); });

  auto* list_command = record->add_subcommand("list", "list a register's records, newest first");
  list_command->add_option("REGISTER", options->register_id, "register id")->required();
  list_command->add_option("--year", options->list_year, "only the records of this ROC year");
  list_command->add_option("--limit", options->limit, "at most this many (default 50)")
      ->check(CLI::Range(1, 1000));
  commands.add(list_command, [options](const Database& db) { return list_records(*options, db); });

  auto* delete_command = record->add_subcommand("delete", "delete one record (audited)");
  delete_command->add_option("REGISTER", options->register_id, "register id")->required();
  delete_command->add_option("ID", options->record_id, "the record's id (record list)")->required();
  commands.add(delete_command,
               [options](const Database& db) { return delete_record(*options, db); });

  auto* value = app.add_subcommand("value", "manual indicator values");
  value->require_subcommand(1);
  auto* set_command = value->add_subcommand("set", "enter an indicator's value for a year");
  set_command->add_option("INDICATOR", options->indicator_id, "indicator id")->required();
  set_command->add_option("YEAR", options->year, "ROC year")->required();
  set_command
      ->add_option("VALUE", options->value,
                   "the value, in the indicator's unit; for a milestone, a stage's name")
      ->required();
  set_command->add_option("--note", options->note, "where the value comes from")->required();
  commands.add(set_command, [options](const Database& db) { return set_value(*options, db); });

  auto* clear_command =
      value->add_subcommand("clear", "remove an indicator's entered value for a year");
  clear_command->add_option("INDICATOR", options->indicator_id, "indicator id")->required();
  clear_command->add_option("YEAR", options->year, "ROC year")->required();
  commands.add(clear_command, [options](const Database& db) { return clear_value(*options, db); });
}

}  // namespace planscore::cli
