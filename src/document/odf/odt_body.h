#pragma once
// content.xml of the plan document: the cover, then the blocks in order, with the page
// starts that put the cover, the front matter and the numbered body on their master pages.
#include <string>
#include <vector>

#include "document/model/document.h"
#include "document/odf/package.h"

namespace planscore::document::odf {

struct OdtBody {
  std::string content_xml;
  std::vector<PackagePart> pictures;  // the charts, referred to from content.xml
};

OdtBody odt_body(const Document& document);

}  // namespace planscore::document::odf
