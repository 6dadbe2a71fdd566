#pragma once
// The plan document and the annual report as OpenDocument Text, the format of Taiwan's
// government document standard (CNS 15251).
#include <string>

#include "document/model/document.h"

namespace planscore::document {

// The .odt file's bytes. Throws std::invalid_argument for a malformed table (see
// table_grid) and std::runtime_error if the archive cannot be built.
std::string write_odt(const Document& document);

}  // namespace planscore::document
