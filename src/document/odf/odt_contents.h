#pragma once
// The table of contents as text:table-of-content: the source tells LibreOffice how to
// regenerate it (outline levels, dotted leaders to the page number), and the index body
// already lists the headings so a reader sees them before anyone updates the index.
#include <pugixml.hpp>
#include <vector>

#include "document/model/document.h"

namespace planscore::document::odf {

// Appends the contents element to `text`. `headings` are the ones after the contents
// with in_contents set, in order.
void write_odt_contents(pugi::xml_node text, const ContentsTable& contents,
                        const std::vector<const Heading*>& headings);

}  // namespace planscore::document::odf
