#include "document/pdf/pdf_writer.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <stdexcept>
#include <variant>
#include <vector>

#include "document/pdf/document_pass.h"
#include "document/pdf/page_style.h"

namespace planscore::document {
namespace {

// Contents lines do not change the contents' length, so labels settle in two or three
// passes; the cap only guards against a label that flips a heading back and forth.
constexpr int max_passes = 6;

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct Pass {
  std::string bytes;
  std::vector<std::string> labels;
};

Pass run_pass(const Document& document, const std::vector<std::string>& labels) {
  Pass pass;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_bytes, &pass.bytes,
                                                                 pdf::page_width, pdf::page_height);
  if (!document.title.empty())
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "planscore");
  cairo_t* cr = cairo_create(surface);
  try {
    pass.labels = pdf::draw_document(cr, document, labels);
  } catch (...) {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    throw;
  }
  const cairo_status_t drawing = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t finishing = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  for (cairo_status_t status : {drawing, finishing})
    if (status != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error(std::string("PDF output failed: ") + cairo_status_to_string(status));
  return pass;
}

}  // namespace

std::string write_pdf(const Document& document) {
  const bool has_contents =
      std::any_of(document.blocks.begin(), document.blocks.end(),
                  [](const Block& b) { return std::holds_alternative<ContentsTable>(b); });
  std::vector<std::string> labels(document.blocks.size());
  Pass pass = run_pass(document, labels);
  // Each pass prints the labels the one before found; once they agree, the printed
  // contents is true.
  for (int i = 1; has_contents && i < max_passes && pass.labels != labels; ++i) {
    labels = std::move(pass.labels);
    pass = run_pass(document, labels);
  }
  return std::move(pass.bytes);
}

}  // namespace planscore::document
