#include "document/pdf/contents_flow.h"

#include <algorithm>
#include <cmath>

#include "document/pdf/page_style.h"
#include "document/pdf/text_block.h"

namespace planscore::document::pdf {
namespace {

// Labels are right-aligned in a fixed column, so every entry wraps at the same width
// whatever its label; 1-999 fits.
constexpr double label_column = 54;
constexpr double leader_step = 6;
constexpr double leader_gap = 4;
constexpr double entry_gap = 5;

// Dots drawn as shapes: a text extractor then reads "heading   1-4", not a run of
// periods, and the dots line up down the page.
void draw_leader(cairo_t* cr, double from, double to, double baseline) {
  const double first = margin_left + std::ceil((from - margin_left) / leader_step) * leader_step;
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (double x = first; x + 1 <= to; x += leader_step) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + 0.6, baseline - 0.8, 0.6, 0, 2 * M_PI);
  }
  cairo_fill(cr);
}

void place_entry(PageFlow& flow, const ContentsEntry& entry) {
  cairo_t* cr = flow.cairo();
  const double indent = std::clamp(entry.level - 1, 0, 4) * indent_step;
  const double right = margin_left + text_width;
  const TextBlock text(cr, entry.text, {body_size, entry.level == 1, Align::start, {}},
                       text_width - indent - label_column);
  const TextBlock label(cr, entry.page_label, {body_size, false, Align::start, {}}, 0);
  if (text.height() > flow.remaining() && !flow.page_empty()) flow.next_page();

  const double top = flow.y();
  const double x = margin_left + indent;
  text.draw(cr, x, top);
  const LineBox& last = text.lines().back();
  const double baseline = top + last.baseline;
  const double label_x = right - label.natural_width();
  label.draw(cr, label_x, baseline - label.lines().front().baseline);
  const double text_end = x + last.x + last.width;
  draw_leader(cr, text_end + leader_gap, label_x - leader_gap, baseline);
  flow.advance(text.height() + entry_gap);
}

}  // namespace

void place_contents(PageFlow& flow, const std::string& title,
                    const std::vector<ContentsEntry>& entries) {
  if (!title.empty()) {
    const TextBlock heading(flow.cairo(), title, {16, true, Align::center, {}}, text_width);
    heading.draw(flow.cairo(), margin_left, flow.y());
    flow.advance(heading.height() + 14);
  }
  for (const ContentsEntry& entry : entries) place_entry(flow, entry);
}

}  // namespace planscore::document::pdf
