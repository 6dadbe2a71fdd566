#pragma once
// XML plumbing shared by the ODT and ODS writers: every package part is built as a pugixml
// tree and serialised here, and every piece of model text passes through here on its way
// into the tree, so no writer can emit malformed XML.
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "document/model/document.h"

namespace planscore::document::odf {

// The text with everything XML 1.0 cannot hold removed: C0 control characters other than
// tab, newline and carriage return are dropped, and bytes that are not UTF-8 become U+FFFD.
// Builders pass user text through unchecked, and one stray \x01 would make the whole
// package unreadable.
std::string xml_safe(std::string_view text);

// A new document whose root element is `root` with every ODF namespace declared and
// office:version set; returns the root.
pugi::xml_node odf_root(pugi::xml_document& document, const char* root);

// The tree as UTF-8 bytes with an XML declaration. No indentation: whitespace inside
// text:p is content.
std::string serialize(const pugi::xml_document& document);

// Appends `text` to a text:p or text:h: "\n" becomes text:line-break, a tab text:tab and a
// run of spaces one space plus text:s, because ODF collapses white space in text as HTML
// does.
void append_text(pugi::xml_node paragraph, std::string_view text);

// Sets an attribute to text from the model, made XML-safe.
void set_text_attribute(pugi::xml_node node, const char* name, std::string_view text);

// "1.250cm", the unit every length in these writers uses.
std::string centimetres(double value);

// "#1f4e79".
std::string hex_colour(const Colour& colour);

}  // namespace planscore::document::odf
