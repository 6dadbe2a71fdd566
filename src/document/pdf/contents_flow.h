#pragma once
// The table of contents on the page flow: its title, then one line per heading with dot
// leaders to the page label the heading landed on.
#include <string>
#include <vector>

#include "document/pdf/page_flow.h"

namespace planscore::document::pdf {

struct ContentsEntry {
  int level = 1;
  std::string text;
  std::string page_label;  // empty until a layout pass has placed the heading
};

void place_contents(PageFlow& flow, const std::string& title,
                    const std::vector<ContentsEntry>& entries);

}  // namespace planscore::document::pdf
