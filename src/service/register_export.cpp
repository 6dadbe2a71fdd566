#include "service/register_export.h"

#include <nlohmann/json.hpp>

#include "core/register/csv.h"
#include "document/build/evaluation_csv.h"
#include "planfile/register_json_value.h"
#include "service/plan_lookup.h"

namespace planscore::service {
namespace {

std::string csv_header(const core::RegisterDef& register_def) {
  std::vector<core::CsvCell> names;
  for (const auto& field : register_def.fields) names.push_back(field.name);
  return document::kUtf8Bom + core::csv_line(names);
}

// Text cells are neutralised (csv.h) so a spreadsheet does not run them as formulas;
// numbers and dates are written as they are.
std::string csv_rows(const core::RegisterDef& register_def,
                     const std::vector<store::StoredRecord>& records) {
  std::string rows;
  for (const auto& stored : records) {
    std::vector<core::CsvCell> cells;
    for (std::size_t f = 0; f < register_def.fields.size() && f < stored.record.values.size();
         ++f) {
      std::string text = core::to_text(stored.record.values[f]);
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
                               std::optional<int> year, ReportFormat format)
    : register_def_(require_register(plan, register_id)), year_(year), format_(format) {
  require_format(format, {ReportFormat::csv, ReportFormat::json}, "register export");
  content_type_ = content_type_of(format);
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
    const auto page = store.records_after(register_def_, year_, after_id, page_size);
    if (page.empty()) break;
    if (!sink(csv ? csv_rows(register_def_, page) : json_rows(register_def_, page, !any_record)))
      return false;
    any_record = true;
    after_id = page.back().id;
    if (static_cast<std::int64_t>(page.size()) < page_size) break;
  }
  return csv || sink(json_end(register_def_, any_record));
}

}  // namespace planscore::service
