#pragma once
// The statistics view as one spreadsheet sheet (科室, 項目, 單位, a column per year, the
// range) and as CSV with the same rows, for the statistics report.
#include <string>

#include "document/model/workbook.h"
#include "service/statistics.h"

namespace planscore::service {

document::Sheet statistics_sheet(const Statistics& statistics);
// UTF-8 with a BOM (Excel opens it as UTF-8); numbers plain, "" for no value.
std::string statistics_csv(const Statistics& statistics);

}  // namespace planscore::service
