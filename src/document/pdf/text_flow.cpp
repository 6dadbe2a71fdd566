#include "document/pdf/text_flow.h"

#include <algorithm>
#include <cstddef>

#include "document/pdf/page_style.h"

namespace planscore::document::pdf {
namespace {

struct HeadingLook {
  double size;
  double above;
  double below;
};

HeadingLook heading_look(int level) {
  switch (level) {
    case 1:
      return {16, 14, 8};
    case 2:
      return {14, 10, 6};
    case 3:
      return {13, 6, 4};
    default:
      return {12, 4, 3};
  }
}

double paragraph_indent(const Paragraph& paragraph) {
  // A deep indent must not squeeze the text to nothing.
  return std::min(std::max(paragraph.indent, 0) * indent_step, text_width / 2);
}

TextBlock paragraph_text(cairo_t* cr, const Paragraph& paragraph) {
  const TextStyle style{
      paragraph.small ? small_size : body_size, paragraph.bold, paragraph.align, {}};
  return TextBlock(cr, paragraph.text, style, text_width - paragraph_indent(paragraph));
}

}  // namespace

TextBlock heading_text(cairo_t* cr, const Heading& heading) {
  return TextBlock(cr, heading.text, {heading_look(heading.level).size, true, Align::start, {}},
                   text_width);
}

double heading_height(cairo_t* cr, const Heading& heading) {
  const HeadingLook look = heading_look(heading.level);
  return look.above + heading_text(cr, heading).height() + look.below;
}

void place_heading(PageFlow& flow, const Heading& heading) {
  const HeadingLook look = heading_look(heading.level);
  flow.space(look.above);
  const TextBlock text = heading_text(flow.cairo(), heading);
  text.draw(flow.cairo(), margin_left, flow.y());
  flow.advance(text.height() + look.below);
}

double paragraph_lead(cairo_t* cr, const Paragraph& paragraph) {
  // Two lines, so a heading is never followed by a lone line at the page bottom.
  return paragraph_text(cr, paragraph).lines_height(0, 2);
}

void place_paragraph(PageFlow& flow, const Paragraph& paragraph) {
  const TextBlock text = paragraph_text(flow.cairo(), paragraph);
  const double x = margin_left + paragraph_indent(paragraph);
  const std::size_t count = text.lines().size();
  std::size_t line = 0;
  while (line < count) {
    std::size_t end = line;
    while (end < count && text.lines_height(line, end + 1) <= flow.remaining()) ++end;
    if (end == line) {
      if (!flow.page_empty()) {
        flow.next_page();
        continue;
      }
      end = line + 1;  // a line taller than a page: print it rather than loop
    }
    text.draw_lines(flow.cairo(), x, flow.y(), line, end);
    flow.advance(text.lines_height(line, end));
    line = end;
    if (line < count) flow.next_page();
  }
  flow.space(paragraph_gap);
}

}  // namespace planscore::document::pdf
