#pragma once
// Checking UTF-8: the CSV reader, the Big5 detection and the XLSX reader all need to know
// where text stops being valid.
#include <cstddef>
#include <optional>
#include <string_view>

namespace planscore::core {

// Length of the valid UTF-8 sequence starting at text[at], or 0 when it is invalid
// (overlong forms, surrogates and code points above U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

// Offset of the first byte that does not start a valid UTF-8 sequence, or nullopt.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// The number of characters (code points) in UTF-8 text, so a Chinese character counts
// once: the bytes that do not continue a sequence.
std::size_t utf8_character_count(std::string_view text);

}  // namespace planscore::core
