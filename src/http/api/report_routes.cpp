// Reports for saving: the plan document, a year's performance report, the workbook and
// open-data exports. ?format= picks the file type; each report names the ones it offers.
#include "http/api/report_response.h"
#include "http/api/routes.h"
#include "service/reports.h"

namespace planscore::http {
namespace {

Response plan_report(Exchange& exchange) {
  auto current = exchange.plan();
  return file_response(service::plan_report(exchange.store(), *current.plan,
                                            format_query(exchange, service::ReportFormat::pdf)));
}

Response annual_report(Exchange& exchange) {
  auto current = exchange.plan();
  return file_response(service::annual_report(exchange.store(), *current.plan,
                                              exchange.year_param(),
                                              format_query(exchange, service::ReportFormat::pdf)));
}

Response workbook_report(Exchange& exchange) {
  auto current = exchange.plan();
  return file_response(service::workbook_report(
      exchange.store(), *current.plan, format_query(exchange, service::ReportFormat::xlsx)));
}

Response evaluation_report(Exchange& exchange) {
  auto current = exchange.plan();
  return file_response(service::evaluation_report(
      exchange.store(), *current.plan, format_query(exchange, service::ReportFormat::csv)));
}

Response register_report(Exchange& exchange) {
  auto current = exchange.plan();
  return file_response(service::register_report(
      exchange.store(), *current.plan, exchange.request.param("register"),
      exchange.year_query("year"), format_query(exchange, service::ReportFormat::csv)));
}

}  // namespace

void add_report_routes(ApiRoutes& routes) {
  routes.get("/api/reports/plan", plan_report);
  routes.get("/api/reports/annual/{year}", annual_report);
  routes.get("/api/reports/workbook", workbook_report);
  routes.get("/api/reports/evaluation", evaluation_report);
  routes.get("/api/reports/registers/{register}", register_report);
}

}  // namespace planscore::http
