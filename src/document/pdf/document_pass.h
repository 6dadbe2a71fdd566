#pragma once
// One layout pass over a whole Document: draws every page on the cairo context and
// reports the page label each heading landed on. The contents needs those labels before
// the headings are placed, so the writer runs passes until the labels settle.
#include <cairo.h>

#include <string>
#include <vector>

#include "document/model/document.h"

namespace planscore::document::pdf {

// heading_labels: indexed like document.blocks, the labels the contents prints (from the
// previous pass; empty strings at first). Returns the labels this pass produced, indexed
// the same way (empty for blocks that are not headings and for unnumbered pages).
std::vector<std::string> draw_document(cairo_t* cr, const Document& document,
                                       const std::vector<std::string>& heading_labels);

}  // namespace planscore::document::pdf
