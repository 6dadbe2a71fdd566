// The statistics view (業務統計): GET /api/statistics?from=&to= as JSON, and the same
// table for saving at /api/reports/statistics (csv, xlsx, ods).
#include "http/api/report_response.h"
#include "http/api/routes.h"
#include "http/api/views.h"
#include "service/statistics.h"

namespace planscore::http {
namespace {

core::YearRange range_query(ApiCall& call, const core::Plan& plan) {
  return service::statistics_range(plan, call.year_query("from"), call.year_query("to"));
}

nlohmann::json number_or_null(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json statistics_view(const core::Statistics& statistics) {
  nlohmann::json years = nlohmann::json::array();
  for (int year = statistics.years.first; year <= statistics.years.last; ++year)
    years.push_back(year);
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& part : statistics.sections) {
    nlohmann::json metrics = nlohmann::json::array();
    for (const auto& row : part.rows) {
      nlohmann::json values = nlohmann::json::object();
      for (const auto& [year, value] : row.by_year)
        values[std::to_string(year)] = number_or_null(value);
      metrics.push_back({{"id", row.metric->id},
                         {"name", row.metric->name},
                         {"unit", row.metric->unit},
                         {"decimals", row.metric->decimals},
                         {"values", values},
                         {"span", number_or_null(row.over_range)}});
    }
    sections.push_back(
        {{"id", part.section->id}, {"name", part.section->name}, {"metrics", metrics}});
  }
  return {{"from", statistics.years.first},
          {"to", statistics.years.last},
          {"years", years},
          {"sections", sections}};
}

Response statistics(ApiCall& call) {
  auto current = call.plan();
  const auto years = range_query(call, *current.plan);
  return json_response(
      200, statistics_view(service::compute_statistics(call.store(), *current.plan, years)));
}

Response statistics_report(ApiCall& call) {
  auto current = call.plan();
  const auto years = range_query(call, *current.plan);
  return file_response(service::statistics_report(call.store(), *current.plan, years,
                                                  format_query(call, service::ReportFormat::csv)));
}

}  // namespace

void add_statistics_routes(ApiRoutes& routes) {
  routes.get("/api/statistics", statistics, Access::session, Work::long_running);
  routes.get("/api/reports/statistics", statistics_report, Access::session, Work::long_running);
}

}  // namespace planscore::http
