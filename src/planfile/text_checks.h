#pragma once
// Checks every plan file passes before a parser sees it.
#include <string_view>

#include "core/problem.h"

namespace planscore::planfile {

// False (with a problem) when the text is over kMaxInputBytes, is not UTF-8, or holds a NUL
// or U+0004 (which yaml-cpp reads as the end of its input).
bool check_input_text(std::string_view text, core::Problems& problems);

}  // namespace planscore::planfile
