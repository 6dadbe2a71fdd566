#include "service/reports.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "core/calendar/timestamp.h"
#include "core/register/csv.h"
#include "document/build/annual_report.h"
#include "document/build/evaluation_csv.h"
#include "document/build/plan_document.h"
#include "document/build/workbooks.h"
#include "document/odf/ods_writer.h"
#include "document/odf/odt_writer.h"
#include "document/pdf/pdf_writer.h"
#include "document/xlsx/xlsx_writer.h"
#include "planfile/evaluation_json.h"
#include "planfile/register_json_value.h"
#include "service/evaluation.h"
#include "service/failure.h"
#include "service/narrative.h"
#include "service/reviews.h"
#include "service/statistics_layout.h"
#include "service/year_locks.h"

namespace planscore::service {
namespace {

struct FormatInfo {
  ReportFormat format;
  const char* name;
  const char* content_type;
};

constexpr FormatInfo kFormats[] = {
    {ReportFormat::pdf, "pdf", "application/pdf"},
    {ReportFormat::odt, "odt", "application/vnd.oasis.opendocument.text"},
    {ReportFormat::xlsx, "xlsx",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {ReportFormat::ods, "ods", "application/vnd.oasis.opendocument.spreadsheet"},
    {ReportFormat::csv, "csv", "text/csv; charset=utf-8"},
    {ReportFormat::json, "json", "application/json"},
};

const FormatInfo& info(ReportFormat format) {
  for (const auto& entry : kFormats)
    if (entry.format == format) return entry;
  return kFormats[0];
}

void require_format(ReportFormat format, std::initializer_list<ReportFormat> offered,
                    const std::string& report) {
  std::string names;
  for (auto option : offered) {
    if (option == format) return;
    names += (names.empty() ? "" : ", ") + std::string(info(option).name);
  }
  throw Failure(FailureKind::invalid, "the " + report + " does not come as " + info(format).name,
                {{"format", "choose one of: " + names}});
}

ReportFile file(std::string bytes, ReportFormat format, const std::string& stem) {
  return {std::move(bytes), info(format).content_type, stem + "." + info(format).name};
}

std::string document_bytes(const document::Document& document, ReportFormat format) {
  return format == ReportFormat::pdf ? document::write_pdf(document)
                                     : document::write_odt(document);
}

void require_plan_year(const core::Plan& plan, int year) {
  if (year < plan.first_year || year > plan.last_year)
    throw Failure(FailureKind::not_found,
                  "year " + std::to_string(year) + " is not a year of the plan (" +
                      std::to_string(plan.first_year) + "–" + std::to_string(plan.last_year) + ")");
}

const core::RegisterDef& register_of(const core::Plan& plan, const std::string& register_id) {
  const auto* register_def = plan.find_register(register_id);
  if (register_def == nullptr)
    throw Failure(FailureKind::not_found, "there is no register \"" + register_id + "\"");
  return *register_def;
}

// Pages through the register so a large one is read in bounded steps.
std::vector<store::StoredRecord> all_records(store::Store& store,
                                             const core::RegisterDef& register_def,
                                             std::optional<int> year) {
  std::vector<store::StoredRecord> records;
  store::RecordQuery query;
  query.year = year;
  query.limit = 5000;
  for (;;) {
    auto page = store.list_records(register_def, query);
    const auto count = static_cast<std::int64_t>(page.records.size());
    for (auto& record : page.records) records.push_back(std::move(record));
    query.offset += count;
    if (count == 0 || query.offset >= page.total) return records;
  }
}

std::string register_csv(const core::RegisterDef& register_def,
                         const std::vector<store::StoredRecord>& records) {
  std::string csv = document::kUtf8Bom;
  std::vector<core::CsvCell> header;
  for (const auto& field : register_def.fields) header.push_back(field.name);
  csv += core::csv_line(header);
  for (const auto& stored : records) {
    std::vector<core::CsvCell> cells;
    for (std::size_t f = 0; f < register_def.fields.size() && f < stored.record.values.size();
         ++f) {
      std::string text = core::to_text(stored.record.values[f]);
      cells.push_back(core::is_textual(register_def.fields[f].type)
                          ? core::CsvCell(std::move(text))
                          : core::CsvCell::formatted(std::move(text)));
    }
    csv += core::csv_line(cells);
  }
  return csv;
}

std::string register_json(const core::RegisterDef& register_def,
                          const std::vector<store::StoredRecord>& records) {
  auto rows = nlohmann::json::array();
  for (const auto& stored : records)
    rows.push_back({{"id", stored.id},
                    {"values", planfile::record_values_to_json(register_def, stored.record)}});
  return nlohmann::json{{"register", planfile::register_to_json_value(register_def)},
                        {"records", rows}}
      .dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::optional<ReportFormat> report_format_from_string(std::string_view text) {
  for (const auto& entry : kFormats)
    if (text == entry.name) return entry.format;
  return std::nullopt;
}

ReportFile plan_report(store::Store& store, const core::Plan& plan, ReportFormat format) {
  require_format(format, {ReportFormat::pdf, ReportFormat::odt}, "plan document");
  return file(document_bytes(document::plan_document(plan_with_live_figures(store, plan)), format),
              format, "plan-" + plan.id);
}

ReportFile annual_report(store::Store& store, const core::Plan& plan, int year,
                         ReportFormat format) {
  require_format(format, {ReportFormat::pdf, ReportFormat::odt}, "annual report");
  require_plan_year(plan, year);
  document::AnnualReportInput input;
  input.plan = &plan;
  input.year = year;
  input.evaluations = evaluate_all_years(store, plan);
  for (const auto& review : reviews_for_year(store, plan, year))
    input.reviews[review.indicator_id] = {review.state, review.explanation};
  input.locked = is_year_locked(store, plan, year);
  input.generated_on = core::iso_timestamp(std::chrono::system_clock::now()).substr(0, 10);
  return file(document_bytes(document::annual_report(input), format), format,
              "annual-report-" + std::to_string(year));
}

ReportFile workbook_report(store::Store& store, const core::Plan& plan, ReportFormat format) {
  require_format(format, {ReportFormat::xlsx, ReportFormat::ods}, "workbook");
  const auto workbook = document::plan_workbook(plan, evaluate_all_years(store, plan));
  return file(
      format == ReportFormat::xlsx ? document::write_xlsx(workbook) : document::write_ods(workbook),
      format, "workbook-" + plan.id);
}

ReportFile evaluation_report(store::Store& store, const core::Plan& plan, ReportFormat format) {
  require_format(format, {ReportFormat::csv, ReportFormat::json}, "evaluation");
  const auto evaluations = evaluate_all_years(store, plan);
  return file(format == ReportFormat::csv ? document::evaluation_csv(plan, evaluations)
                                          : planfile::evaluations_json(evaluations),
              format, "evaluation-" + plan.id);
}

ReportFile register_report(store::Store& store, const core::Plan& plan,
                           const std::string& register_id, std::optional<int> year,
                           ReportFormat format) {
  require_format(format, {ReportFormat::csv, ReportFormat::json}, "register export");
  const auto& register_def = register_of(plan, register_id);
  const auto records = all_records(store, register_def, year);
  const std::string stem =
      "register-" + register_id + (year ? "-" + std::to_string(*year) : std::string());
  return file(format == ReportFormat::csv ? register_csv(register_def, records)
                                          : register_json(register_def, records),
              format, stem);
}

ReportFile statistics_report(store::Store& store, const core::Plan& plan, core::YearRange years,
                             ReportFormat format) {
  require_format(format,
                 {ReportFormat::pdf, ReportFormat::odt, ReportFormat::csv, ReportFormat::xlsx,
                  ReportFormat::ods},
                 "statistics");
  const Statistics statistics = compute_statistics(store, plan, years);
  const std::string stem = "statistics-" + years.text();
  if (format == ReportFormat::csv) return file(statistics_csv(statistics), format, stem);
  if (format == ReportFormat::pdf || format == ReportFormat::odt)
    return file(document_bytes(statistics_document(plan, statistics), format), format, stem);
  document::Workbook workbook{plan.name + " 業務統計 " + years.text(),
                              {statistics_sheet(statistics)}};
  return file(
      format == ReportFormat::xlsx ? document::write_xlsx(workbook) : document::write_ods(workbook),
      format, stem);
}

}  // namespace planscore::service
