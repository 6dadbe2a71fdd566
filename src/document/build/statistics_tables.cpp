#include "document/build/statistics_tables.h"

#include <fmt/format.h>

#include "core/register/csv.h"
#include "core/text/plan_number.h"
#include "document/build/cells.h"
#include "document/build/evaluation_csv.h"
#include "document/build/workbooks.h"

namespace planscore::document {
namespace {

std::vector<std::string> header(const core::Statistics& statistics) {
  std::vector<std::string> columns{"科室", "項目", "單位"};
  for (int year = statistics.years.first; year <= statistics.years.last; ++year)
    columns.push_back(std::to_string(year) + " 年");
  if (statistics.years.length() > 1)
    columns.push_back(fmt::format("期間 {}–{}", statistics.years.first, statistics.years.last));
  return columns;
}

// The values in column order: each year, then the range when there is more than one year.
std::vector<std::optional<double>> values(const core::Statistics& statistics,
                                          const core::StatisticsRow& row) {
  std::vector<std::optional<double>> cells;
  for (const auto& [year, value] : row.by_year) cells.push_back(value);
  if (statistics.years.length() > 1) cells.push_back(row.over_range);
  return cells;
}

}  // namespace

Sheet statistics_sheet(const core::Statistics& statistics) {
  Sheet sheet;
  sheet.name = "業務統計";
  sheet.frozen_rows = 1;
  std::vector<SheetCell> top;
  for (auto& title : header(statistics)) top.push_back(sheet_text(title, true));
  sheet.rows.push_back(std::move(top));
  for (const auto& part : statistics.sections) {
    for (const auto& row : part.rows) {
      std::vector<SheetCell> cells{sheet_text(part.section->name), sheet_text(row.metric->name),
                                   sheet_text(row.metric->unit)};
      const int decimals = row.metric->decimals;
      for (const auto& value : values(statistics, row)) {
        cells.push_back(
            value
                ? sheet_number(*value, decimals > 0 ? NumberFormat::decimal : NumberFormat::integer,
                               decimals)
                : SheetCell{});
      }
      sheet.rows.push_back(std::move(cells));
    }
  }
  fit_columns(sheet);
  return sheet;
}

std::string statistics_csv(const core::Statistics& statistics) {
  std::string csv = kUtf8Bom;
  const auto titles = header(statistics);
  csv += core::csv_line(std::vector<core::CsvCell>(titles.begin(), titles.end()));
  for (const auto& part : statistics.sections) {
    for (const auto& row : part.rows) {
      std::vector<core::CsvCell> cells{part.section->name, row.metric->name, row.metric->unit};
      for (const auto& value : values(statistics, row))
        cells.push_back(core::CsvCell::formatted(
            value ? core::format_plan_number(*value, row.metric->decimals, core::NumberStyle::bare)
                  : std::string()));
      csv += core::csv_line(cells);
    }
  }
  return csv;
}

Document statistics_document(const core::Plan& plan, const core::Statistics& statistics) {
  const std::string range =
      statistics.years.length() == 1
          ? fmt::format("{} 年度", statistics.years.first)
          : fmt::format("{} 至 {} 年度", statistics.years.first, statistics.years.last);
  Document doc;
  doc.title = plan.agency + "業務統計（" + range + "）";
  doc.running_header = doc.title;
  doc.blocks.push_back(Heading{1, doc.title, false});
  if (statistics.sections.empty()) doc.blocks.push_back(Paragraph{"沒有指定科室的統計項目。"});
  const auto titles = header(statistics);
  for (const auto& part : statistics.sections) {
    doc.blocks.push_back(Heading{2, part.section->name, false});
    Table table;
    table.header_rows = 1;
    table.small = titles.size() > 8;
    table.column_widths = {4, 1.2};
    table.column_widths.resize(titles.size() - 1, 1.6);
    std::vector<Cell> top;
    for (std::size_t i = 1; i < titles.size(); ++i) top.push_back(header_cell(titles[i]));
    table.rows.push_back(std::move(top));
    for (const auto& row : part.rows) {
      std::vector<Cell> cells{text_cell(row.metric->name),
                              text_cell(row.metric->unit, Align::center)};
      for (const auto& value : values(statistics, row))
        cells.push_back(text_cell(value ? core::format_plan_number(*value, row.metric->decimals)
                                        : std::string(core::kNoValueMark),
                                  Align::end));
      table.rows.push_back(std::move(cells));
    }
    doc.blocks.push_back(std::move(table));
  }
  if (statistics.years.length() > 1)
    doc.blocks.push_back(
        Paragraph{"註：「期間」欄為整段期間計算之數值，比率於整段期間重新計算，跨年度之彙"
                  "總資料僅計入期間欄，故不一定等於各年度之和。",
                  0, Align::start, false, true});
  return doc;
}

}  // namespace planscore::document
