#pragma once
// A document as data, independent of any file format: the plan document and the annual
// report are built as a Document, then written as PDF (pdf/) or ODT (odf/). Builders
// decide what is said; writers decide how it looks on a page.
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace planscore::document {

struct Colour {  // sRGB, 0–255
  unsigned char red = 0;
  unsigned char green = 0;
  unsigned char blue = 0;
  bool operator==(const Colour&) const = default;
};

enum class Align { start, center, end };

// level 1: chapter (壹、…), 2: section (一、…), 3: sub-section ((一)…), 4: item (1、…).
// Headings with in_contents appear in the table of contents with their page.
struct Heading {
  int level = 1;
  std::string text{};
  bool in_contents = true;
};

struct Paragraph {
  std::string text{};
  int indent = 0;  // nesting depth under the current heading, 0 = flush
  Align align = Align::start;
  bool bold = false;
  bool small = false;  // notes under tables (備註, 單位)
};

// A table cell. Cells covered by another cell's span are left out of their row, as in
// HTML; table_grid() (table_grid.h) places every cell on the grid.
struct Cell {
  std::string text{};  // may hold "\n" line breaks
  int column_span = 1;
  int row_span = 1;
  Align align = Align::start;
  bool bold = false;
  std::optional<Colour> fill{};
  std::optional<Colour> colour{};  // text colour
};

struct Table {
  std::vector<double> column_widths{};  // relative widths, one per grid column
  int header_rows = 0;                  // repeated at the top of every page the table continues on
  std::vector<std::vector<Cell>> rows{};
  bool small = false;  // a smaller font, for wide tables such as 衡量指標
};

// A line chart, e.g. each goal's score over the plan years.
struct ChartSeries {
  std::string name{};
  std::vector<std::optional<double>> values{};  // one per category; nullopt: no point
};

struct Chart {
  std::string title{};
  std::string value_label{};              // axis title, e.g. "分數"
  std::vector<std::string> categories{};  // x axis, e.g. "104" … "107"
  std::vector<ChartSeries> series{};
};

struct PageBreak {};

// Where the table of contents goes: every Heading with in_contents after it, with the
// page number it lands on.
struct ContentsTable {
  std::string title{};  // e.g. "【目 錄】"
};

using Block = std::variant<Heading, Paragraph, Table, Chart, PageBreak, ContentsTable>;

struct Cover {
  std::string title{};      // 臺中市政府秘書處中程施政計畫
  std::string subtitle{};   // (104 至 107 年度)
  std::string date_line{};  // 中華民國 104 年 3 月
};

struct Document {
  std::string title{};           // file metadata
  std::string running_header{};  // printed at the top of every body page
  // Body pages are numbered prefix + n: "1-" gives 1-1, 1-2 … as the seed does. The
  // cover and the contents pages carry no number.
  std::string page_number_prefix{};
  std::optional<Cover> cover{};
  std::vector<Block> blocks{};
};

}  // namespace planscore::document
