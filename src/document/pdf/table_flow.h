#pragma once
// A table on the page flow: broken between row groups, with its header rows repeated at
// the top of every page it continues on.
#include <cairo.h>

#include "document/model/document.h"
#include "document/pdf/page_flow.h"

namespace planscore::document::pdf {

// The least of the table that must follow a heading on the same page: its header and
// first row group.
double table_lead(cairo_t* cr, const Table& table);

void place_table(PageFlow& flow, const Table& table);

}  // namespace planscore::document::pdf
