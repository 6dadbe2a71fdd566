#pragma once
// How many terminal columns a UTF-8 string occupies, so tables of Chinese text line up.
#include <string_view>

namespace planscore::core {

// East Asian Wide and Fullwidth characters (CJK ideographs and punctuation, full-width
// forms, Hangul, kana) count 2; combining marks, zero-width characters and controls 0;
// everything else 1. Each byte of invalid UTF-8 counts 1.
int display_width(std::string_view utf8);

}  // namespace planscore::core
