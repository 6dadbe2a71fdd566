#pragma once
// styles.xml of the plan document: fonts, the named paragraph styles the body refers to,
// the A4 page layouts and the three master pages.
#include <string>

#include "document/model/document.h"

namespace planscore::document::odf {

// Master pages. The cover has neither header nor page number; the front matter (the
// table of contents) has the running header but no number; the body has both, and its
// numbering restarts at 1 where it begins.
inline constexpr const char* kCoverMaster = "Cover";
inline constexpr const char* kFrontMaster = "Front";
inline constexpr const char* kBodyMaster = "Standard";

// A4 with 2.5 cm side margins: the width tables, contents leaders and charts fill.
inline constexpr double kTextWidthCm = 16.0;

// Heading levels with their own styles; deeper model levels are written at the last.
inline constexpr int kHeadingLevels = 4;

// The named style of a heading at `level`, listed in the contents or not. Unlisted
// headings look the same but carry no outline level, so a regenerated table of contents
// leaves them out too.
std::string heading_style(int level, bool in_contents);

// The style of a contents entry for a heading at `level`.
std::string contents_entry_style(int level);

std::string odt_styles_xml(const Document& document);

}  // namespace planscore::document::odf
