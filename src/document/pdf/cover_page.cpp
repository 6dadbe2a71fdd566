#include "document/pdf/cover_page.h"

#include "document/pdf/page_style.h"
#include "document/pdf/text_block.h"

namespace planscore::document::pdf {

void draw_cover(cairo_t* cr, const Cover& cover) {
  const TextBlock title(cr, cover.title, {26, true, Align::center, {}}, text_width);
  const TextBlock subtitle(cr, cover.subtitle, {18, true, Align::center, {}}, text_width);
  const TextBlock date_line(cr, cover.date_line, {16, false, Align::center, {}}, text_width);
  double y = page_height * 0.28;
  if (!cover.title.empty()) {
    title.draw(cr, margin_left, y);
    y += title.height() + 18;
  }
  if (!cover.subtitle.empty()) subtitle.draw(cr, margin_left, y);
  if (!cover.date_line.empty()) date_line.draw(cr, margin_left, page_height * 0.72);
}

}  // namespace planscore::document::pdf
