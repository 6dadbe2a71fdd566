#pragma once
// The automatic paragraph styles of content.xml: a named style from styles.xml adjusted
// for one paragraph (alignment, indent, weight, colour), and where pages begin. ODF puts
// page breaks and master-page changes on the style of the first paragraph of the new page,
// so the two meet here.
#include <optional>
#include <string>

#include "document/model/document.h"
#include "document/odf/style_registry.h"

namespace planscore::document::odf {

// How the element about to be written starts: on the current page, on a new page, or on
// the first page of another master page (which always starts a new page).
struct PageStart {
  bool new_page = false;
  std::string master;              // empty: keep the current master page
  bool restart_numbering = false;  // with `master`: this page is number 1

  bool any() const { return new_page || !master.empty(); }
};

struct ParagraphLook {
  std::string parent;  // a named style from styles.xml
  std::optional<Align> align = std::nullopt;
  int indent = 0;  // nesting depth
  bool bold = false;
  double size = 0;  // points; 0 keeps the parent's
  std::optional<Colour> colour = std::nullopt;
  PageStart page = {};
};

// The style to write on the paragraph: `look.parent` itself when nothing differs from it.
std::string paragraph_style(StyleRegistry& registry, const ParagraphLook& look);

// Writes the page start onto a paragraph-properties or table-properties element.
void set_page_start(pugi::xml_node properties, const PageStart& page);

// "start", "center" or "end" as fo:text-align spells them.
const char* text_align(Align align);

}  // namespace planscore::document::odf
