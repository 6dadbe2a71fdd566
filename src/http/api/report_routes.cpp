// Reports for saving: the plan document, a year's performance report, the workbook and
// open-data exports. ?format= picks the file type; each report names the ones it offers.
#include "http/api/report_response.h"
#include "http/api/routes.h"
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

Response evaluation_report(ApiCall& call) {
  auto current = call.plan();
  return file_response(service::evaluation_report(call.store(), *current.plan,
                                                  format_query(call, service::ReportFormat::csv)));
}

// A register may hold millions of records: streamed a page at a time on a report
// worker, with a database connection of its own, so neither memory nor time grows faster
// than the records.
Response register_report(ApiCall& call) {
  auto plan = call.plan().plan;
  auto records = std::make_shared<const service::RegisterExport>(
      *plan, call.request.param("register"), call.year_query("year"),
      format_query(call, service::ReportFormat::csv));
  auto response = attachment_response(records->content_type(), records->file_name());
  // The state lives with the router, which outlives the server and its report workers.
  response.stream = [state = &call.state, plan, records](BodyWriter& body) {
    auto store = state->stores.acquire();
    records->write(*store, [&body](std::string_view piece) { return body.write(piece); });
  };
  return response;
}

}  // namespace

void add_report_routes(ApiRoutes& routes) {
  routes.get("/api/reports/plan", plan_report, Access::session, Work::long_running);
  routes.get("/api/reports/annual/{year}", annual_report, Access::session, Work::long_running);
  routes.get("/api/reports/workbook", workbook_report, Access::session, Work::long_running);
  routes.get("/api/reports/evaluation", evaluation_report, Access::session, Work::long_running);
  routes.get("/api/reports/registers/{register}", register_report, Access::session,
             Work::long_running);
}

}  // namespace planscore::http
