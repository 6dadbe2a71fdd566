// The text helpers under the ODF writers: what user text becomes in XML, and how numbers
// show in a spreadsheet cell for readers that do not compute formats.
#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <sstream>

#include "document/odf/ods_number_text.h"
#include "document/odf/xml.h"

namespace planscore::test {
namespace {

using document::NumberFormat;
using document::odf::append_text;
using document::odf::display_text;
using document::odf::value_text;
using document::odf::xml_safe;

std::string paragraph_xml(std::string_view text) {
  pugi::xml_document document;
  append_text(document.append_child("text:p"), text);
  std::ostringstream out;
  document.save(out, "", pugi::format_raw | pugi::format_no_declaration);
  return out.str();
}

TEST(OdtXmlText, KeepsCjkAndDropsWhatXmlCannotHold) {
  EXPECT_EQ(xml_safe("中程施政計畫 & <表>"), "中程施政計畫 & <表>");
  EXPECT_EQ(xml_safe("a\x01"
                     "b\x1f"
                     "c\x7f"),
            "abc\x7f");
  EXPECT_EQ(xml_safe("tab\tline\nret\r"), "tab\tline\nret\r");
  // A stray byte, a cut-off sequence, an overlong slash, a surrogate and U+FFFF.
  EXPECT_EQ(xml_safe("x\xff"), "x\xEF\xBF\xBD");
  EXPECT_EQ(xml_safe("\xE4\xB8"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(xml_safe("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(xml_safe("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(xml_safe("\xEF\xBF\xBF"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(xml_safe("\xF0\x9F\x98\x80"), "\xF0\x9F\x98\x80");
}

TEST(OdtXmlText, WhiteSpaceIsSpelledOutAsOdfElements) {
  EXPECT_EQ(paragraph_xml("A & B"), "<text:p>A &amp; B</text:p>");
  EXPECT_EQ(paragraph_xml("一  二"), "<text:p>一 <text:s/>二</text:p>");
  EXPECT_EQ(paragraph_xml("   三"), R"(<text:p><text:s text:c="3"/>三</text:p>)");
  EXPECT_EQ(paragraph_xml("一\n二\t三\r"), "<text:p>一<text:line-break/>二<text:tab/>三</text:p>");
}

TEST(OdsNumberText, ValuesRoundTripAndDisplayAsFormatted) {
  EXPECT_EQ(value_text(0.953), "0.953");
  EXPECT_EQ(value_text(12000), "12000");
  EXPECT_EQ(value_text(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(display_text(1234567.5, NumberFormat::decimal, 2), "1,234,567.50");
  EXPECT_EQ(display_text(-1234, NumberFormat::integer, 3), "-1,234");
  EXPECT_EQ(display_text(999.6, NumberFormat::integer, 0), "1,000");
  EXPECT_EQ(display_text(123, NumberFormat::integer, 0), "123");
  EXPECT_EQ(display_text(0.953, NumberFormat::percent, 1), "95.3%");
  EXPECT_EQ(display_text(1, NumberFormat::percent, 0), "100%");
  EXPECT_EQ(display_text(2.5, NumberFormat::general, 4), "2.5");
}

}  // namespace
}  // namespace planscore::test
