// The XLSX writer, checked by reading its files back with openpyxl (Debian's
// python3-openpyxl), an implementation independent of libxlsxwriter.
#include "document/xlsx/xlsx_writer.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <string>

namespace planscore::document {
namespace {

namespace fs = std::filesystem;

// Prints what openpyxl sees: title, sheet names, and per sheet the merges, frozen
// pane, column widths and every cell with a value or a style.
constexpr const char* kDumpScript = R"(
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
out = {"title": book.properties.title, "sheets": book.sheetnames}
for sheet in book.worksheets:
    cells = {}
    for row in sheet.iter_rows():
        for cell in row:
            bold = bool(getattr(cell.font, "b", False))
            fill = cell.fill.fgColor.rgb if cell.fill is not None and cell.fill.fill_type == "solid" else None
            if cell.value is None and not bold and fill is None:
                continue
            cells[cell.coordinate] = {"value": cell.value, "type": type(cell.value).__name__,
                                      "format": cell.number_format, "bold": bold, "fill": fill}
    out[sheet.title] = {
        "merges": sorted(str(r) for r in sheet.merged_cells.ranges),
        "freeze": sheet.freeze_panes,
        "widths": {k: d.width for k, d in sheet.column_dimensions.items()},
        "cells": cells}
print(json.dumps(out, ensure_ascii=False))
)";

// Every test gets its own TMPDIR, so the writer's private directory can be seen to go.
class XlsxWriter : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device seed;
    dir_ = fs::temp_directory_path() / ("planscore-xlsx-test-" + std::to_string(seed()));
    fs::create_directories(dir_ / "tmp");
    old_tmpdir_ = getenv("TMPDIR") ? getenv("TMPDIR") : "";
    setenv("TMPDIR", (dir_ / "tmp").c_str(), 1);
  }
  void TearDown() override {
    if (old_tmpdir_.empty()) {
      unsetenv("TMPDIR");
    } else {
      setenv("TMPDIR", old_tmpdir_.c_str(), 1);
    }
    fs::remove_all(dir_);
  }

  bool temp_is_empty() const { return fs::is_empty(dir_ / "tmp"); }

  nlohmann::json read_back(const std::string& bytes) {
    const auto file = dir_ / "book.xlsx";
    std::ofstream(file, std::ios::binary) << bytes;
    std::ofstream(dir_ / "dump.py") << kDumpScript;
    const std::string command =
        "/usr/bin/python3 " + (dir_ / "dump.py").string() + " " + file.string();
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("cannot run python3");
    std::string output;
    char buffer[4096];
    while (const auto got = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, got);
    if (pclose(pipe) != 0) throw std::runtime_error("openpyxl could not read the file");
    return nlohmann::json::parse(output);
  }

  fs::path dir_;
  std::string old_tmpdir_;
};

Workbook sample() {
  Sheet scores;
  scores.name = "指標達成";
  scores.column_widths = {30, 12, 12, 12};
  scores.frozen_rows = 2;
  auto title = sheet_text("臺中市政府秘書處 104 年度", true);
  title.fill = Colour{0xDD, 0xEE, 0xFF};
  scores.rows.push_back({title, {}, {}, {}});
  scores.rows.push_back({sheet_text("指標", true), sheet_text("人數", true),
                         sheet_text("平均", true), sheet_text("達成率", true)});
  scores.rows.push_back({sheet_text("檔案管理研習"), sheet_number(1229, NumberFormat::integer),
                         sheet_number(3.14159, NumberFormat::decimal, 2),
                         sheet_number(0.953, NumberFormat::percent, 1)});
  scores.rows.push_back({sheet_text("公文研習"), sheet_number(60),
                         sheet_number(2.5, NumberFormat::decimal, 1),
                         sheet_number(1, NumberFormat::percent)});
  scores.merges.push_back({0, 0, 0, 3});
  Sheet notes;
  notes.name = "備註";
  notes.rows.push_back({sheet_text("說明")});
  Workbook workbook;
  workbook.title = "中程施政計畫績效評核";
  workbook.sheets = {scores, notes};
  return workbook;
}

TEST_F(XlsxWriter, SheetNamesInChineseAndTheTitleProperty) {
  const auto book = read_back(write_xlsx(sample()));
  EXPECT_EQ(book["sheets"], nlohmann::json::array({"指標達成", "備註"}));
  EXPECT_EQ(book["title"], "中程施政計畫績效評核");
  EXPECT_EQ(book["備註"]["cells"]["A1"]["value"], "說明");
}

TEST_F(XlsxWriter, NumbersAreStoredAsNumbersWithTheirFormats) {
  const auto cells = read_back(write_xlsx(sample()))["指標達成"]["cells"];
  EXPECT_EQ(cells["B3"]["type"], "int");
  EXPECT_EQ(cells["B3"]["value"], 1229);
  EXPECT_EQ(cells["B3"]["format"], "#,##0");
  EXPECT_EQ(cells["C3"]["type"], "float");
  EXPECT_DOUBLE_EQ(cells["C3"]["value"].get<double>(), 3.14159);
  EXPECT_EQ(cells["C3"]["format"], "#,##0.00");
  EXPECT_DOUBLE_EQ(cells["D3"]["value"].get<double>(), 0.953);  // a fraction, shown as 95.3%
  EXPECT_EQ(cells["D3"]["format"], "0.0%");
  EXPECT_NE(cells["D4"]["format"].get<std::string>().find('%'), std::string::npos);
  EXPECT_EQ(cells["B4"]["format"], "General");
  EXPECT_EQ(cells["C4"]["format"], "#,##0.0");
}

TEST_F(XlsxWriter, MergesFrozenRowsBoldFillAndWidths) {
  const auto sheet = read_back(write_xlsx(sample()))["指標達成"];
  EXPECT_EQ(sheet["merges"], nlohmann::json::array({"A1:D1"}));
  EXPECT_EQ(sheet["freeze"], "A3");
  EXPECT_EQ(sheet["cells"]["A1"]["value"], "臺中市政府秘書處 104 年度");
  EXPECT_TRUE(sheet["cells"]["A1"]["bold"].get<bool>());
  EXPECT_EQ(sheet["cells"]["A1"]["fill"], "FFDDEEFF");
  EXPECT_TRUE(sheet["cells"]["B2"]["bold"].get<bool>());
  EXPECT_FALSE(sheet["cells"]["A3"]["bold"].get<bool>());
  EXPECT_GT(sheet["widths"]["A"].get<double>(), sheet["widths"]["B"].get<double>());
}

TEST_F(XlsxWriter, NumberInTheFirstCellOfAMergeStaysANumber) {
  Sheet sheet;
  sheet.name = "合計";
  sheet.rows.push_back({sheet_number(42, NumberFormat::integer), {}});
  sheet.merges.push_back({0, 0, 0, 1});
  Workbook workbook;
  workbook.sheets = {sheet};
  const auto cells = read_back(write_xlsx(workbook))["合計"]["cells"];
  EXPECT_EQ(cells["A1"]["value"], 42);
  EXPECT_EQ(cells["A1"]["format"], "#,##0");
}

TEST_F(XlsxWriter, LeavesNoTemporaryFilesBehind) {
  write_xlsx(sample());
  EXPECT_TRUE(temp_is_empty());
}

TEST_F(XlsxWriter, SheetNameExcelRefusesIsAnErrorAndLeavesNothingBehind) {
  Workbook workbook;
  workbook.sheets.push_back({});
  workbook.sheets.back().name = "計畫[草案]";
  try {
    write_xlsx(workbook);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("計畫[草案]"), std::string::npos) << error.what();
  }
  EXPECT_TRUE(temp_is_empty());
}

TEST_F(XlsxWriter, TooLongStringIsAnErrorWithLibxlsxwritersText) {
  Sheet sheet;
  sheet.name = "長";
  sheet.rows.push_back({sheet_text(std::string(40000, 'x'))});
  Workbook workbook;
  workbook.sheets = {sheet};
  try {
    write_xlsx(workbook);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("32,767"), std::string::npos) << error.what();
  }
  EXPECT_TRUE(temp_is_empty());
}

}  // namespace
}  // namespace planscore::document
