// Reports for saving: the plan document, a year's performance report, the workbook and
// open-data exports. ?format= picks the file type; each report names the ones it offers.
#include "http/api/record_input.h"
#include "http/api/report_response.h"
#include "http/api/routes.h"
#include "service/plan_lookup.h"
#include "service/record_list.h"
#include "service/register_export.h"
#include "service/reports.h"

namespace planscore::http {
namespace {

Response plan_report(ApiCall& call) {
  auto current = call.plan();
  return file_response(service::plan_report(call.store(), *current.plan,
                                            format_query(call, service::ReportFormat::pdf)));
}

Response annual_report(ApiCall& call) {
  auto current = call.plan();
  return file_response(service::annual_report(call.store(), *current.plan, call.year_param(),
                                              format_query(call, service::ReportFormat::pdf)));
}

Response workbook_report(ApiCall& call) {
  auto current = call.plan();
  return file_response(service::workbook_report(call.store(), *current.plan,
                                                format_query(call, service::ReportFormat::xlsx)));
}

// Every year, or one (?year=105).
Response evaluation_report(ApiCall& call) {
  auto current = call.plan();
  return file_response(service::evaluation_report(call.store(), *current.plan,
                                                  format_query(call, service::ReportFormat::csv),
                                                  call.year_query("year")));
}

// ?dates=roc writes dates as people type them (104/03/15); iso, the default, as stored.
service::ExportDates dates_query(ApiCall& call) {
  const auto dates = call.request.query_value("dates").value_or("iso");
  if (dates == "iso") return service::ExportDates::iso;
  if (dates == "roc") return service::ExportDates::roc;
  throw BadInput("the query is not valid", {{"dates", "must be iso or roc"}});
}

// A register may hold millions of records: streamed a page at a time on a report
// worker, with a database connection of its own, so neither memory nor time grows faster
// than the records.
// The records the list route would show for the same ?year= and ?filter=s (all of them,
// in id order, not a page).
Response register_report(ApiCall& call) {
  auto plan = call.plan().plan;
  const std::string register_id = call.request.param("register");
  const auto view = service::record_list_query(*plan, service::require_register(*plan, register_id),
                                               record_list_request(call.request));
  auto records = std::make_shared<const service::RegisterExport>(
      *plan, register_id, store::RecordScope{view.year, view.filters},
      format_query(call, service::ReportFormat::csv), dates_query(call));
  auto response = attachment_response(records->content_type(), records->file_name());
  // The state lives with the router, which outlives the server and its report workers.
  response.stream = [state = &call.state, plan, records](BodyWriter& body) {
    auto store = state->stores.acquire();
    records->write(*store, [&body](std::string_view piece) { return body.write(piece); });
  };
  return response;
}

Response register_template(ApiCall& call) {
  auto current = call.plan();
  return file_response(
      service::register_import_template(*current.plan, call.request.param("register")));
}

}  // namespace

void add_report_routes(ApiRoutes& routes) {
  routes.get("/api/reports/plan", plan_report, Access::session, Work::long_running);
  routes.get("/api/reports/annual/{year}", annual_report, Access::session, Work::long_running);
  routes.get("/api/reports/workbook", workbook_report, Access::session, Work::long_running);
  routes.get("/api/reports/evaluation", evaluation_report, Access::session, Work::long_running);
  routes.get("/api/reports/registers/{register}", register_report, Access::session,
             Work::long_running);
  routes.get("/api/reports/registers/{register}/template", register_template);
}

}  // namespace planscore::http
