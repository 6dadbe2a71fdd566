#include "service/statistics_sheet.h"

#include <fmt/format.h>

#include "core/register/csv.h"
#include "document/build/evaluation_csv.h"
#include "document/build/workbooks.h"

namespace planscore::service {
namespace {

std::vector<std::string> header(const Statistics& statistics) {
  std::vector<std::string> columns{"科室", "項目", "單位"};
  for (int year = statistics.years.first; year <= statistics.years.last; ++year)
    columns.push_back(std::to_string(year) + " 年");
  if (statistics.years.length() > 1)
    columns.push_back(fmt::format("期間 {}–{}", statistics.years.first, statistics.years.last));
  return columns;
}

// The values in column order: each year, then the range when there is more than one year.
std::vector<std::optional<double>> values(const Statistics& statistics, const StatisticsRow& row) {
  std::vector<std::optional<double>> cells;
  for (const auto& [year, value] : row.by_year) cells.push_back(value);
  if (statistics.years.length() > 1) cells.push_back(row.over_range);
  return cells;
}

}  // namespace

document::Sheet statistics_sheet(const Statistics& statistics) {
  document::Sheet sheet;
  sheet.name = "業務統計";
  sheet.frozen_rows = 1;
  std::vector<document::SheetCell> top;
  for (auto& title : header(statistics)) top.push_back(document::sheet_text(title, true));
  sheet.rows.push_back(std::move(top));
  for (const auto& part : statistics.sections) {
    for (const auto& row : part.rows) {
      std::vector<document::SheetCell> cells{document::sheet_text(part.section->name),
                                             document::sheet_text(row.metric->name),
                                             document::sheet_text(row.metric->unit)};
      const int decimals = row.metric->decimals;
      for (const auto& value : values(statistics, row)) {
        cells.push_back(value
                            ? document::sheet_number(*value,
                                                     decimals > 0 ? document::NumberFormat::decimal
                                                                  : document::NumberFormat::integer,
                                                     decimals)
                            : document::SheetCell{});
      }
      sheet.rows.push_back(std::move(cells));
    }
  }
  document::fit_columns(sheet);
  return sheet;
}

std::string statistics_csv(const Statistics& statistics) {
  std::string csv = document::kUtf8Bom;
  csv += core::csv_line(header(statistics));
  for (const auto& part : statistics.sections) {
    for (const auto& row : part.rows) {
      std::vector<std::string> cells{part.section->name, row.metric->name, row.metric->unit};
      for (const auto& value : values(statistics, row))
        cells.push_back(value ? fmt::format("{:.{}f}", *value, std::max(row.metric->decimals, 0))
                              : std::string());
      csv += core::csv_line(cells);
    }
  }
  return csv;
}

}  // namespace planscore::service
