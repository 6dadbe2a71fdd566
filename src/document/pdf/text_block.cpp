#include "document/pdf/text_block.h"

#include <glib-object.h>
#include <pango/pangocairo.h>

#include <algorithm>

#include "document/pdf/page_style.h"

namespace planscore::document::pdf {
namespace {

double from_pango(int units) {
  return static_cast<double>(units) / PANGO_SCALE;
}

PangoAlignment pango_alignment(Align align) {
  switch (align) {
    case Align::center:
      return PANGO_ALIGN_CENTER;
    case Align::end:
      return PANGO_ALIGN_RIGHT;
    case Align::start:
      break;
  }
  return PANGO_ALIGN_LEFT;
}

}  // namespace

void TextBlock::Unref::operator()(PangoLayout* layout) const {
  g_object_unref(layout);
}

TextBlock::TextBlock(cairo_t* cr, std::string_view text, const TextStyle& style, double width)
    : layout_(pango_cairo_create_layout(cr)), colour_(style.colour) {
  PangoLayout* layout = layout_.get();
  PangoFontDescription* font = pango_font_description_from_string(font_family);
  // Absolute size is in user units, which are points on a PDF surface; the plain size
  // would go through pango's 96 dpi default and come out a third too large.
  pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  if (width > 0) {
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, pango_alignment(style.align));
  }
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));

  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    lines_.push_back({from_pango(logical.x), from_pango(logical.width), from_pango(logical.y),
                      from_pango(logical.height),
                      from_pango(pango_layout_iter_get_baseline(iter))});
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
}

double TextBlock::height() const {
  return lines_height(0, lines_.size());
}

double TextBlock::natural_width() const {
  PangoRectangle logical;
  pango_layout_get_extents(layout_.get(), nullptr, &logical);
  return from_pango(logical.width);
}

double TextBlock::lines_height(std::size_t from, std::size_t to) const {
  to = std::min(to, lines_.size());
  if (from >= to) return 0;
  return lines_[to - 1].top + lines_[to - 1].height - lines_[from].top;
}

void TextBlock::draw(cairo_t* cr, double x, double y) const {
  draw_lines(cr, x, y, 0, lines_.size());
}

void TextBlock::draw_lines(cairo_t* cr, double x, double y, std::size_t from,
                           std::size_t to) const {
  to = std::min(to, lines_.size());
  if (from >= to) return;
  cairo_set_source_rgb(cr, colour_.red / 255.0, colour_.green / 255.0, colour_.blue / 255.0);
  const double shift = y - lines_[from].top;
  for (std::size_t i = from; i < to; ++i) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout_.get(), static_cast<int>(i));
    cairo_move_to(cr, x + lines_[i].x, shift + lines_[i].baseline);
    pango_cairo_show_layout_line(cr, line);
  }
}

}  // namespace planscore::document::pdf
