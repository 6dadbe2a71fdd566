#pragma once
// Writes a Document as an A4 PDF through cairo and pango.
#include <string>

#include "document/model/document.h"

namespace planscore::document {

// The PDF file's bytes. Throws std::runtime_error when cairo fails (e.g. out of memory);
// std::invalid_argument for a malformed table (see table_grid()).
std::string write_pdf(const Document& document);

}  // namespace planscore::document
