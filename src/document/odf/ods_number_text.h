#pragma once
// Numbers as ODS writes them: the exact value for office:value, and the text a reader
// without a spreadsheet engine shows, formatted the way the cell's number style says.
#include <string>

#include "document/model/workbook.h"

namespace planscore::document::odf {

// The shortest text that reads back as the same double: "0.953", "1234".
std::string value_text(double value);

// What the cell displays: "1,234" (integer), "1,234.50" (decimal, 2), "95.3%" (percent,
// 1); general gives value_text.
std::string display_text(double value, NumberFormat format, int decimals);

// The decimals a format shows: 0 for integer and general, `decimals` clamped to 0–15
// otherwise.
int shown_decimals(NumberFormat format, int decimals);

}  // namespace planscore::document::odf
