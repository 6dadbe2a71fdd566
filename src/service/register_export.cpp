#include "service/register_export.h"

#include <nlohmann/json.hpp>

#include "core/calendar/roc.h"
#include "core/register/csv.h"
#include "document/build/evaluation_csv.h"
#include "planfile/register_json_value.h"
#include "service/plan_lookup.h"
#include "service/report_format.h"

namespace planscore::service {
namespace {

std::string csv_header(const core::RegisterDef& register_def) {
  std::vector<core::CsvCell> names;
  for (const auto& field : register_def.fields) names.push_back(field.name);
  return document::kUtf8Bom + core::csv_line(names);
}

// A cell as the CSV writes it: a stage by its name, a date in the style asked for.
std::string csv_text(const core::FieldDef& field, const core::FieldValue& value,
                     ExportDates dates) {
  std::string text = core::to_text(field, value);
  if (field.type == core::FieldType::date && dates == ExportDates::roc)
    if (const auto date = core::parse_date(text)) return date->roc();
  return text;
}

// Text cells are neutralised (csv.h) so a spreadsheet does not run them as formulas;
// numbers and dates are written as they are.
std::string csv_rows(const core::RegisterDef& register_def,
                     const std::vector<store::StoredRecord>& records, ExportDates dates) {
  std::string rows;
  for (const auto& stored : records) {
    std::vector<core::CsvCell> cells;
    for (std::size_t f = 0; f < register_def.fields.size() && f < stored.record.values.size();
         ++f) {
      std::string text = csv_text(register_def.fields[f], stored.record.values[f], dates);
      cells.push_back(core::is_textual(register_def.fields[f].type)
                          ? core::CsvCell(std::move(text))
                          : core::CsvCell::formatted(std::move(text)));
    }
    rows += core::csv_line(cells);
  }
  return rows;
}

// The JSON document reads as nlohmann's two-space indented dump of
// {"records": [...], "register": {...}} would, written record by record.
std::string indented(const nlohmann::json& value, const std::string& indent) {
  const std::string text = value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

std::string json_rows(const core::RegisterDef& register_def,
                      const std::vector<store::StoredRecord>& records, bool first_page) {
  std::string rows;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const nlohmann::json row = {
        {"id", records[i].id},
        {"values", planfile::record_values_to_json(register_def, records[i].record)}};
    rows += (first_page && i == 0 ? "\n    " : ",\n    ") + indented(row, "    ");
  }
  return rows;
}

std::string json_end(const core::RegisterDef& register_def, bool any_record) {
  return std::string(any_record ? "\n  ]" : "]") +
         ",\n  \"register\": " + indented(planfile::register_to_json_value(register_def), "  ") +
         "\n}";
}

}  // namespace

RegisterExport::RegisterExport(const core::Plan& plan, const std::string& register_id,
                               store::RecordScope scope, ReportFormat format, ExportDates dates)
    : register_def_(require_register(plan, register_id)),
      scope_(std::move(scope)),
      format_(format),
      dates_(dates) {
  require_format(format, {ReportFormat::csv, ReportFormat::json}, "register export");
  content_type_ = content_type_of(format);
  const auto& year = scope_.year;
  file_name_ = report_file_name(
      "register-" + register_id + (year ? "-" + std::to_string(*year) : std::string()), format);
}

bool RegisterExport::write(store::Store& store, const ReportSink& sink,
                           std::int64_t page_size) const {
  const bool csv = format_ == ReportFormat::csv;
  if (!sink(csv ? csv_header(register_def_) : "{\n  \"records\": [")) return false;
  std::int64_t after_id = 0;
  bool any_record = false;
  for (;;) {
    const auto page = store.records_after(register_def_, scope_, after_id, page_size);
    if (page.empty()) break;
    if (!sink(csv ? csv_rows(register_def_, page, dates_)
                  : json_rows(register_def_, page, !any_record)))
      return false;
    any_record = true;
    after_id = page.back().id;
    if (static_cast<std::int64_t>(page.size()) < page_size) break;
  }
  return csv || sink(json_end(register_def_, any_record));
}

ReportFile register_import_template(const core::Plan& plan, const std::string& register_id) {
  const auto& register_def = require_register(plan, register_id);
  return {csv_header(register_def), content_type_of(ReportFormat::csv),
          report_file_name("register-" + register_id + "-template", ReportFormat::csv)};
}

}  // namespace planscore::service
