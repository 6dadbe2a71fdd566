#include "document/pdf/table_flow.h"

#include <cstddef>

#include "document/pdf/page_style.h"
#include "document/pdf/table_layout.h"

namespace planscore::document::pdf {
namespace {

// What has to share the first page with the header: the first group, or when that is
// taller than any page, its first row.
double first_rows_height(const TableLayout& layout) {
  if (layout.groups.empty()) return 0;
  const RowRange& group = layout.groups.front();
  const double whole = layout.rows_height(group.begin, group.end);
  if (whole <= PageFlow::page_room() - layout.header_height()) return whole;
  return layout.rows_height(group.begin, group.begin + 1);
}

class TablePager {
 public:
  TablePager(PageFlow& flow, const TableLayout& layout) : flow_(flow), layout_(layout) {}

  void place() {
    const double lead = layout_.header_height() + first_rows_height(layout_);
    if (lead > flow_.remaining() && !flow_.page_empty()) flow_.next_page();
    draw(0, layout_.header_end);
    for (const RowRange& group : layout_.groups) place_group(group);
  }

 private:
  void place_group(const RowRange& group) {
    const double height = layout_.rows_height(group.begin, group.end);
    if (height <= flow_.remaining()) {
      draw(group.begin, group.end);
      return;
    }
    if (height <= PageFlow::page_room() - layout_.header_height()) {
      continue_on_next_page();
      draw(group.begin, group.end);
      return;
    }
    // Taller than a page: cut between its rows after all.
    std::size_t row = group.begin;
    while (row < group.end) {
      std::size_t end = row;
      while (end < group.end && layout_.rows_height(row, end + 1) <= flow_.remaining()) ++end;
      if (end == row) {
        if (rows_on_page_) {
          continue_on_next_page();
          continue;
        }
        end = row + 1;  // one row taller than a page: print it rather than loop
      }
      draw(row, end);
      row = end;
      if (row < group.end) continue_on_next_page();
    }
  }

  void continue_on_next_page() {
    flow_.next_page();
    rows_on_page_ = false;
    draw(0, layout_.header_end);
  }

  void draw(std::size_t from, std::size_t to) {
    if (from >= to) return;
    draw_table_rows(flow_.cairo(), layout_, from, to, margin_left, flow_.y());
    flow_.advance(layout_.rows_height(from, to));
    if (from >= layout_.header_end) rows_on_page_ = true;
  }

  PageFlow& flow_;
  const TableLayout& layout_;
  bool rows_on_page_ = false;  // body rows below the header on this page
};

}  // namespace

double table_lead(cairo_t* cr, const Table& table) {
  const TableLayout layout = layout_table(cr, table, text_width);
  return block_gap + layout.header_height() + first_rows_height(layout);
}

void place_table(PageFlow& flow, const Table& table) {
  const TableLayout layout = layout_table(flow.cairo(), table, text_width);
  flow.space(block_gap);
  TablePager(flow, layout).place();
  flow.space(block_gap);
}

}  // namespace planscore::document::pdf
