#pragma once
// A chart as a PNG picture in the text: Writer's own charts would need a chart object per
// chart, while a picture shows the same in every reader.
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "document/model/document.h"
#include "document/odf/package.h"

namespace planscore::document::odf {

// Appends a paragraph of style `paragraph_style` holding the chart's picture to `text`,
// and the picture (Pictures/chart<number>.png) to `pictures`.
void write_odt_chart(pugi::xml_node text, const Chart& chart, int number,
                     const std::string& paragraph_style, std::vector<PackagePart>& pictures);

}  // namespace planscore::document::odf
