#include "document/chart/chart_painter.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "document/chart/chart_scale.h"
#include "document/pdf/page_style.h"
#include "document/pdf/text_block.h"

namespace planscore::document {
namespace {

using pdf::TextBlock;
using pdf::TextStyle;

constexpr double padding = 6;
constexpr double title_size = 11;
constexpr double label_size = 8.5;
constexpr double legend_swatch = 18;
constexpr double legend_spacing = 14;

// Distinct when printed in grey too: the hues differ in lightness.
constexpr Colour palette[] = {{31, 119, 180},  {214, 39, 40}, {44, 160, 44},   {255, 127, 14},
                              {148, 103, 189}, {140, 86, 75}, {227, 119, 194}, {23, 190, 207}};

Colour series_colour(std::size_t index) {
  return palette[index % std::size(palette)];
}

void set_colour(cairo_t* cr, const Colour& colour) {
  cairo_set_source_rgb(cr, colour.red / 255.0, colour.green / 255.0, colour.blue / 255.0);
}

struct Box {
  double left, top, right, bottom;
};

// The legend: one swatch and name per series, in rows centred under the plot.
class Legend {
 public:
  Legend(cairo_t* cr, const Chart& chart, double width) {
    double row_width = 0;
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
      names_.emplace_back(cr, chart.series[i].name, TextStyle{label_size, false, Align::start, {}},
                          0);
      const double item = legend_swatch + 4 + names_.back().natural_width();
      if (!rows_.empty() && row_width + legend_spacing + item <= width) {
        rows_.back().push_back(i);
        row_width += legend_spacing + item;
      } else {
        rows_.push_back({i});
        row_width = item;
      }
      widths_.push_back(item);
      line_height_ = std::max(line_height_, names_.back().height());
    }
  }

  double height() const { return static_cast<double>(rows_.size()) * line_height_; }

  void paint(cairo_t* cr, double width, double top) const {
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      double row_width = -legend_spacing;
      for (std::size_t i : rows_[r]) row_width += legend_spacing + widths_[i];
      double x = (width - row_width) / 2;
      const double y = top + static_cast<double>(r) * line_height_;
      for (std::size_t i : rows_[r]) {
        const double middle = y + line_height_ / 2;
        set_colour(cr, series_colour(i));
        cairo_set_line_width(cr, 1.5);
        cairo_move_to(cr, x, middle);
        cairo_line_to(cr, x + legend_swatch, middle);
        cairo_stroke(cr);
        cairo_arc(cr, x + legend_swatch / 2, middle, 2.5, 0, 2 * M_PI);
        cairo_fill(cr);
        names_[i].draw(cr, x + legend_swatch + 4, y + (line_height_ - names_[i].height()) / 2);
        x += widths_[i] + legend_spacing;
      }
    }
  }

 private:
  std::vector<TextBlock> names_;
  std::vector<double> widths_;
  std::vector<std::vector<std::size_t>> rows_;
  double line_height_ = 0;
};

void paint_grid(cairo_t* cr, const ValueScale& scale, const Box& plot) {
  const TextStyle style{label_size, false, Align::end, {}};
  for (double tick : scale.ticks()) {
    const double y = plot.bottom - scale.fraction(tick) * (plot.bottom - plot.top);
    cairo_set_source_rgb(cr, 0.82, 0.82, 0.82);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, plot.left, y);
    cairo_line_to(cr, plot.right, y);
    cairo_stroke(cr);
    const TextBlock label(cr, scale.label(tick), style, 0);
    label.draw(cr, plot.left - 4 - label.natural_width(), y - label.height() / 2);
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.8);
  cairo_move_to(cr, plot.left, plot.top);
  cairo_line_to(cr, plot.left, plot.bottom);
  cairo_line_to(cr, plot.right, plot.bottom);
  cairo_stroke(cr);
}

double category_x(const Box& plot, std::size_t index, std::size_t count) {
  return plot.left + (static_cast<double>(index) + 0.5) * (plot.right - plot.left) /
                         static_cast<double>(std::max<std::size_t>(count, 1));
}

void paint_series(cairo_t* cr, const Chart& chart, const ValueScale& scale, const Box& plot) {
  const std::size_t count = chart.categories.size();
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const auto& values = chart.series[s].values;
    const std::size_t points = std::min(values.size(), count);
    auto point_y = [&](double v) {
      return plot.bottom - scale.fraction(v) * (plot.bottom - plot.top);
    };
    set_colour(cr, series_colour(s));
    cairo_set_line_width(cr, 1.5);
    // A missing value breaks the line: joining across it would invent a value.
    bool drawing = false;
    for (std::size_t i = 0; i < points; ++i) {
      if (!values[i]) {
        drawing = false;
        continue;
      }
      const double x = category_x(plot, i, count);
      if (drawing)
        cairo_line_to(cr, x, point_y(*values[i]));
      else
        cairo_move_to(cr, x, point_y(*values[i]));
      drawing = true;
    }
    cairo_stroke(cr);
    for (std::size_t i = 0; i < points; ++i)
      if (values[i]) {
        cairo_new_sub_path(cr);
        cairo_arc(cr, category_x(plot, i, count), point_y(*values[i]), 2.5, 0, 2 * M_PI);
      }
    cairo_fill(cr);
  }
}

}  // namespace

void paint_chart(cairo_t* cr, const Chart& chart, double width, double height) {
  cairo_save(cr);
  cairo_new_path(cr);
  const TextBlock title(cr, chart.title, {title_size, true, Align::center, {}},
                        width - 2 * padding);
  const Legend legend(cr, chart, width - 2 * padding);
  const ValueScale scale = value_scale(chart);
  const TextStyle label_style{label_size, false, Align::start, {}};

  double widest_tick = 0;
  for (double tick : scale.ticks())
    widest_tick =
        std::max(widest_tick, TextBlock(cr, scale.label(tick), label_style, 0).natural_width());
  const TextBlock axis_title(cr, chart.value_label, label_style, 0);
  const double axis_title_room = chart.value_label.empty() ? 0 : axis_title.height() + 2;
  const double category_height = TextBlock(cr, "0", label_style, 0).height();

  Box plot;
  plot.left = padding + axis_title_room + widest_tick + 6;
  plot.right = width - padding - 6;
  plot.top = padding + (chart.title.empty() ? 0 : title.height() + 6) + 4;
  plot.bottom =
      height - padding - legend.height() - (legend.height() > 0 ? 6 : 0) - category_height - 4;

  title.draw(cr, padding, padding);
  paint_grid(cr, scale, plot);
  const std::size_t count = chart.categories.size();
  for (std::size_t i = 0; i < count; ++i) {
    const TextBlock label(cr, chart.categories[i], label_style, 0);
    label.draw(cr, category_x(plot, i, count) - label.natural_width() / 2, plot.bottom + 3);
  }
  if (!chart.value_label.empty()) {
    // Read bottom to top along the axis, as charts usually print it.
    cairo_save(cr);
    cairo_translate(cr, padding, (plot.top + plot.bottom) / 2 + axis_title.natural_width() / 2);
    cairo_rotate(cr, -M_PI / 2);
    axis_title.draw(cr, 0, 0);
    cairo_restore(cr);
  }
  paint_series(cr, chart, scale, plot);
  legend.paint(cr, width, height - padding - legend.height());
  cairo_restore(cr);
}

namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string chart_png(const Chart& chart, int width_px, int height_px) {
  width_px = std::max(width_px, 1);
  height_px = std::max(height_px, 1);
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width_px, height_px);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  // Drawn at the PDF's text width in points, scaled to the pixels asked for, so the
  // text keeps its size relative to the chart.
  const double scale = width_px / pdf::text_width;
  cairo_scale(cr, scale, scale);
  paint_chart(cr, chart, width_px / scale, height_px / scale);
  cairo_destroy(cr);
  std::string bytes;
  cairo_surface_write_to_png_stream(surface, append_bytes, &bytes);
  cairo_surface_destroy(surface);
  return bytes;
}

}  // namespace planscore::document
