#pragma once
// A model Table as a Writer table: relative column widths, spans with the covered cells
// ODF needs to keep every row the grid's width, and header rows that repeat on each page.
#include <pugixml.hpp>
#include <string>

#include "document/model/document.h"
#include "document/odf/odt_paragraph_styles.h"
#include "document/odf/style_registry.h"

namespace planscore::document::odf {

// Appends the table to `text` (office:text) as table:table named `name`. A table without
// columns is not written: ODF requires at least one.
void write_odt_table(pugi::xml_node text, const Table& table, const std::string& name,
                     const PageStart& page, StyleRegistry& styles);

}  // namespace planscore::document::odf
