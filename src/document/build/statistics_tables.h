#pragma once
// The statistics view laid out for the statistics report: one spreadsheet sheet (科室,
// 項目, 單位, a column per year, the range), CSV with the same rows, and a document with
// a table per section (PDF, ODT).
#include <string>

#include "core/evaluation/statistics.h"
#include "core/plan/plan.h"
#include "document/model/document.h"
#include "document/model/workbook.h"

namespace planscore::document {

Sheet statistics_sheet(const core::Statistics& statistics);
// UTF-8 with a BOM (Excel opens it as UTF-8); numbers plain, "" for no value.
std::string statistics_csv(const core::Statistics& statistics);
// Figures as the plan prints them: thousands separators, the metric's decimals, "—".
Document statistics_document(const core::Plan& plan, const core::Statistics& statistics);

}  // namespace planscore::document
