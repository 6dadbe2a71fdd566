#pragma once
// The sequence of pages and the cursor on the current one. Blocks ask how much room is
// left and move the cursor down; the flow draws each page's running header and page
// label and knows which pages are numbered.
#include <cairo.h>

#include <string>

namespace planscore::document::pdf {

enum class PageKind {
  cover,  // no header, no number
  front,  // the contents: header, no number
  body,   // header and page label prefix + n
};

class PageFlow {
 public:
  PageFlow(cairo_t* cr, std::string running_header, std::string page_number_prefix);

  cairo_t* cairo() const { return cr_; }

  // Ends the current page (if any) and opens one of the given kind.
  void start_page(PageKind kind);
  // Ends the current page and opens another of the same kind.
  void next_page() { start_page(kind_); }
  // Ends the last page.
  void finish();

  PageKind kind() const { return kind_; }
  // The label of the current page, e.g. "1-3"; empty on unnumbered pages.
  std::string label() const;
  // The body page count: the last label's n.
  int body_pages() const { return body_pages_; }

  double y() const { return y_; }
  double remaining() const;
  // Moves the cursor down past something just drawn.
  void advance(double height);
  // Adds space unless at the top of a page, where space above a block is wasted.
  void space(double height);
  // True while nothing has been placed on the page.
  bool page_empty() const { return empty_; }
  // The room a fresh body page offers.
  static double page_room();

 private:
  void draw_running_header();
  void draw_page_label();

  cairo_t* cr_;
  std::string running_header_;
  std::string prefix_;
  PageKind kind_ = PageKind::front;
  bool open_ = false;
  bool empty_ = true;
  int body_pages_ = 0;
  double y_ = 0;
};

}  // namespace planscore::document::pdf
