#pragma once
// The statistics view laid out for the statistics report: one spreadsheet sheet (科室,
// 項目, 單位, a column per year, the range), CSV with the same rows, and a document with
// a table per section (PDF, ODT).
#include <string>

#include "document/model/document.h"
#include "document/model/workbook.h"
#include "service/statistics.h"

namespace planscore::service {

document::Sheet statistics_sheet(const Statistics& statistics);
// UTF-8 with a BOM (Excel opens it as UTF-8); numbers plain, "" for no value.
std::string statistics_csv(const Statistics& statistics);
// Figures as the plan prints them: thousands separators, the metric's decimals, "—".
document::Document statistics_document(const core::Plan& plan, const Statistics& statistics);

}  // namespace planscore::service
