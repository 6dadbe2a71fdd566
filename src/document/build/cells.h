#pragma once
// The few kinds of table cell the documents use, so every table looks alike.
#include <string>

#include "document/model/document.h"

namespace planscore::document {

// Bold, centred, on the header tint.
Cell header_cell(std::string text, int column_span = 1, int row_span = 1);
Cell text_cell(std::string text, Align align = Align::start, int row_span = 1);
// A figure, right-aligned, grouped by thousands.
Cell figure_cell(double value);

}  // namespace planscore::document
