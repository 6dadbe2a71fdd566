#pragma once
// A line chart painted with cairo as vectors, shared by the writers: the PDF writer
// paints it into the page, the ODT writer embeds it as a PNG.
#include <string>

#include "document/model/document.h"

// cairo's own declaration, repeated so users of chart_png need not see cairo's headers
// (planscore_document links cairo privately).
typedef struct _cairo cairo_t;

namespace planscore::document {

// Paints the chart into the box (0, 0)–(width, height) of the current user space, whose
// unit is taken as one point (the sizes of the text are in user units).
void paint_chart(cairo_t* cr, const Chart& chart, double width, double height);

// The chart as PNG bytes of the given pixel size, drawn as it looks on a PDF page of the
// same proportions (text scales with the image).
std::string chart_png(const Chart& chart, int width_px, int height_px);

}  // namespace planscore::document
