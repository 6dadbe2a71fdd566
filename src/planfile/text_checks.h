#pragma once
// Checks every plan file passes before a parser sees it.
#include <string_view>

#include "core/problem.h"

namespace planscore::planfile {

// False (with a problem) when the text is over kMaxInputBytes or is not UTF-8.
bool check_input_text(std::string_view text, core::Problems& problems);

}  // namespace planscore::planfile
