#pragma once
// Headings and paragraphs on the page flow: their styles, the room they need to stay
// with what precedes them, and their placement (paragraphs split line by line).
#include <cairo.h>

#include "document/model/document.h"
#include "document/pdf/page_flow.h"
#include "document/pdf/text_block.h"

namespace planscore::document::pdf {

TextBlock heading_text(cairo_t* cr, const Heading& heading);
// The whole height a heading takes, with its space above and below.
double heading_height(cairo_t* cr, const Heading& heading);
// Draws the heading where the cursor is; the caller has made the room.
void place_heading(PageFlow& flow, const Heading& heading);

// The least of a paragraph that must follow a heading on the same page.
double paragraph_lead(cairo_t* cr, const Paragraph& paragraph);
// Places the paragraph, continuing on new pages line by line as the room runs out.
void place_paragraph(PageFlow& flow, const Paragraph& paragraph);

}  // namespace planscore::document::pdf
