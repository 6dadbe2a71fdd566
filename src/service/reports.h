#pragma once
// Report use cases: the plan document, a year's performance report, the workbook, and
// open-data exports of a register or of the evaluation, each as file bytes ready to send
// or save. Every signed-in role may read them; nothing here writes.
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar/year_range.h"
#include "core/plan/plan.h"
#include "store/store.h"

namespace planscore::service {

enum class ReportFormat { pdf, odt, xlsx, ods, csv, json };
std::optional<ReportFormat> report_format_from_string(std::string_view text);

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
ReportFile evaluation_report(store::Store& store, const core::Plan& plan, ReportFormat format);
// A register's records (of one ROC year when `year` is set): csv (columns named as the
// register's fields, so the file imports back) or json.
ReportFile register_report(store::Store& store, const core::Plan& plan,
                           const std::string& register_id, std::optional<int> year,
                           ReportFormat format);
// The statistics view (業務統計) over `years`: pdf, odt, csv, xlsx or ods.
ReportFile statistics_report(store::Store& store, const core::Plan& plan, core::YearRange years,
                             ReportFormat format);

}  // namespace planscore::service
