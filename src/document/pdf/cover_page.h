#pragma once
// The cover: the title and subtitle in the upper third, the date line low on the page.
#include <cairo.h>

#include "document/model/document.h"

namespace planscore::document::pdf {

void draw_cover(cairo_t* cr, const Cover& cover);

}  // namespace planscore::document::pdf
