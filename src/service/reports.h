#pragma once
// Report use cases: the plan document, a year's performance report, the workbook, the
// statistics and the open-data export of the evaluation, each as file bytes ready to send
// or save (a register's records, which can be any size, are written a page at a time by
// register_export.h). Every signed-in role may read them; nothing here writes.
#include <string>

#include "core/calendar/year_range.h"
#include "core/plan/plan.h"
#include "service/report_format.h"
#include "store/store.h"

namespace planscore::service {

struct ReportFile {
  std::string bytes;
  std::string content_type;
  std::string file_name;  // ASCII, for Content-Disposition and the CLI's default output
};

// Each throws Failure(invalid) for a format the report does not come in (the message
// names the formats it does), and Failure(not_found) for an unknown year or register.

// The plan document (中程施政計畫): pdf or odt, its chapters quoting live figures.
ReportFile plan_report(store::Store& store, const core::Plan& plan, ReportFormat format);
// A plan year's performance report: pdf or odt, dated today.
ReportFile annual_report(store::Store& store, const core::Plan& plan, int year,
                         ReportFormat format);
// The 衡量指標 table, every year's evaluation and the budget table: xlsx or ods.
ReportFile workbook_report(store::Store& store, const core::Plan& plan, ReportFormat format);
// Every year's evaluation: csv or json.
// Every year's evaluation, or `year`'s alone.
ReportFile evaluation_report(store::Store& store, const core::Plan& plan, ReportFormat format,
                             std::optional<int> year = std::nullopt);
// The statistics view (業務統計) over `years`: pdf, odt, csv, xlsx or ods.
ReportFile statistics_report(store::Store& store, const core::Plan& plan, core::YearRange years,
                             ReportFormat format);

}  // namespace planscore::service
