#include "service/statistics_layout.h"

#include <fmt/format.h>

#include "core/register/csv.h"
#include "core/text/plan_number.h"
#include "document/build/cells.h"
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

document::Document statistics_document(const core::Plan& plan, const Statistics& statistics) {
  const std::string range =
      statistics.years.length() == 1
          ? fmt::format("{} 年度", statistics.years.first)
          : fmt::format("{} 至 {} 年度", statistics.years.first, statistics.years.last);
  document::Document doc;
  doc.title = plan.agency + "業務統計（" + range + "）";
  doc.running_header = doc.title;
  doc.blocks.push_back(document::Heading{1, doc.title, false});
  if (statistics.sections.empty())
    doc.blocks.push_back(document::Paragraph{"沒有指定科室的統計項目。"});
  const auto titles = header(statistics);
  for (const auto& part : statistics.sections) {
    doc.blocks.push_back(document::Heading{2, part.section->name, false});
    document::Table table;
    table.header_rows = 1;
    table.small = titles.size() > 8;
    table.column_widths = {4, 1.2};
    table.column_widths.resize(titles.size() - 1, 1.6);
    std::vector<document::Cell> top;
    for (std::size_t i = 1; i < titles.size(); ++i) top.push_back(document::header_cell(titles[i]));
    table.rows.push_back(std::move(top));
    for (const auto& row : part.rows) {
      std::vector<document::Cell> cells{
          document::text_cell(row.metric->name),
          document::text_cell(row.metric->unit, document::Align::center)};
      for (const auto& value : values(statistics, row))
        cells.push_back(
            document::text_cell(value ? core::format_plan_number(*value, row.metric->decimals)
                                      : std::string(core::kNoValueMark),
                                document::Align::end));
      table.rows.push_back(std::move(cells));
    }
    doc.blocks.push_back(std::move(table));
  }
  if (statistics.years.length() > 1)
    doc.blocks.push_back(
        document::Paragraph{"註：「期間」欄為整段期間計算之數值，比率於整段期間重新計算，跨年度之彙"
                            "總資料僅計入期間欄，故不一定等於各年度之和。",
                            0, document::Align::start, false, true});
  return doc;
}

}  // namespace planscore::service
