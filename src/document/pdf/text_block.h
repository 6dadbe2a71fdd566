#pragma once
// A piece of text laid out by pango at a given width (CJK-aware wrapping), measured
// line by line so a page can take some lines and leave the rest for the next page.
#include <cairo.h>
#include <pango/pango.h>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "document/model/document.h"

namespace planscore::document::pdf {

struct TextStyle {
  double size = 12;  // points
  bool bold = false;
  Align align = Align::start;
  Colour colour{};
};

// One line's box relative to the top-left of the layout, in points.
struct LineBox {
  double x = 0;  // where the line starts after alignment
  double width = 0;
  double top = 0;
  double height = 0;
  double baseline = 0;
};

class TextBlock {
 public:
  // width <= 0 leaves the text unwrapped (and alignment meaningless).
  TextBlock(cairo_t* cr, std::string_view text, const TextStyle& style, double width);

  double height() const;
  double natural_width() const;  // of the widest line
  const std::vector<LineBox>& lines() const { return lines_; }
  // The height of lines [from, to), as placed: from the top of one to the bottom of the
  // other.
  double lines_height(std::size_t from, std::size_t to) const;

  // Draws the whole block with its top-left at (x, y).
  void draw(cairo_t* cr, double x, double y) const;
  // Draws lines [from, to) with the top of line `from` at y; each line is shown once, so
  // a block split across pages leaves no hidden duplicate text for extractors.
  void draw_lines(cairo_t* cr, double x, double y, std::size_t from, std::size_t to) const;

 private:
  struct Unref {
    void operator()(PangoLayout* layout) const;
  };
  std::unique_ptr<PangoLayout, Unref> layout_;
  Colour colour_;
  std::vector<LineBox> lines_;
};

}  // namespace planscore::document::pdf
