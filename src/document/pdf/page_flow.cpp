#include "document/pdf/page_flow.h"

#include <algorithm>
#include <utility>

#include "document/pdf/page_style.h"
#include "document/pdf/text_block.h"

namespace planscore::document::pdf {

PageFlow::PageFlow(cairo_t* cr, std::string running_header, std::string page_number_prefix)
    : cr_(cr), running_header_(std::move(running_header)), prefix_(std::move(page_number_prefix)) {}

void PageFlow::start_page(PageKind kind) {
  if (open_) {
    if (kind_ == PageKind::body) draw_page_label();
    cairo_show_page(cr_);
  }
  open_ = true;
  empty_ = true;
  kind_ = kind;
  if (kind == PageKind::body) ++body_pages_;
  y_ = text_top;
  if (kind != PageKind::cover) draw_running_header();
}

void PageFlow::finish() {
  if (!open_) return;
  if (kind_ == PageKind::body) draw_page_label();
  cairo_show_page(cr_);
  open_ = false;
}

std::string PageFlow::label() const {
  if (kind_ != PageKind::body) return {};
  return prefix_ + std::to_string(body_pages_);
}

double PageFlow::remaining() const {
  return std::max(0.0, text_bottom - y_);
}

double PageFlow::page_room() {
  return text_bottom - text_top;
}

void PageFlow::advance(double height) {
  y_ += height;
  empty_ = false;
}

void PageFlow::space(double height) {
  if (!empty_) y_ = std::min(y_ + height, text_bottom);
}

void PageFlow::draw_running_header() {
  if (running_header_.empty()) return;
  const TextBlock text(cr_, running_header_, {running_header_size, false, Align::center, {}},
                       text_width);
  const double rule_y = text_top - 14;
  text.draw(cr_, margin_left, rule_y - 2 - text.height());
  cairo_set_source_rgb(cr_, 0, 0, 0);
  cairo_set_line_width(cr_, 0.5);
  cairo_move_to(cr_, margin_left, rule_y);
  cairo_line_to(cr_, margin_left + text_width, rule_y);
  cairo_stroke(cr_);
}

void PageFlow::draw_page_label() {
  const TextBlock text(cr_, label(), {page_label_size, false, Align::center, {}}, text_width);
  text.draw(cr_, margin_left, page_height - margin_bottom / 2 - text.height() / 2);
}

}  // namespace planscore::document::pdf
