#include "service/reports.h"

#include <chrono>

#include "core/calendar/timestamp.h"
#include "document/build/annual_report.h"
#include "document/build/evaluation_csv.h"
#include "document/build/plan_document.h"
#include "document/build/statistics_tables.h"
#include "document/build/workbooks.h"
#include "document/odf/ods_writer.h"
#include "document/odf/odt_writer.h"
#include "document/pdf/pdf_writer.h"
#include "document/xlsx/xlsx_writer.h"
#include "planfile/evaluation_json.h"
#include "service/agency_time.h"
#include "service/evaluation.h"
#include "service/failure.h"
#include "service/narrative.h"
#include "service/plan_lookup.h"
#include "service/reviews.h"
#include "service/statistics.h"
#include "service/year_locks.h"

namespace planscore::service {
namespace {

ReportFile file(std::string bytes, ReportFormat format, const std::string& stem) {
  return {std::move(bytes), content_type_of(format), report_file_name(stem, format)};
}

std::string document_bytes(const document::Document& document, ReportFormat format) {
  return format == ReportFormat::pdf ? document::write_pdf(document)
                                     : document::write_odt(document);
}

}  // namespace

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
  input.locked_years = locked_years(store, plan);
  input.generated_on = agency_date(core::Clock::now());
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

ReportFile evaluation_report(store::Store& store, const core::Plan& plan, ReportFormat format,
                             std::optional<int> year) {
  require_format(format, {ReportFormat::csv, ReportFormat::json}, "evaluation");
  const auto evaluations =
      year ? std::vector{evaluate_year(store, plan, *year)} : evaluate_all_years(store, plan);
  return file(format == ReportFormat::csv ? document::evaluation_csv(plan, evaluations)
                                          : planfile::evaluations_json(evaluations),
              format,
              "evaluation-" + plan.id + (year ? "-" + std::to_string(*year) : std::string()));
}

ReportFile statistics_report(store::Store& store, const core::Plan& plan, core::YearRange years,
                             ReportFormat format) {
  require_format(format,
                 {ReportFormat::pdf, ReportFormat::odt, ReportFormat::csv, ReportFormat::xlsx,
                  ReportFormat::ods},
                 "statistics");
  const core::Statistics statistics = compute_statistics(store, plan, years);
  const std::string stem = "statistics-" + years.text();
  if (format == ReportFormat::csv) return file(document::statistics_csv(statistics), format, stem);
  if (format == ReportFormat::pdf || format == ReportFormat::odt)
    return file(document_bytes(document::statistics_document(plan, statistics), format), format,
                stem);
  document::Workbook workbook{plan.name + " 業務統計 " + years.text(),
                              {document::statistics_sheet(statistics)}};
  return file(
      format == ReportFormat::xlsx ? document::write_xlsx(workbook) : document::write_ods(workbook),
      format, stem);
}

}  // namespace planscore::service
