#include "core/text/display_width.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace planscore::core {
namespace {

struct Range {
  char32_t first;
  char32_t last;
};

// A condensed form of Unicode's combining (Mn/Me) and format characters: the scripts a
// Taiwanese agency's records plausibly contain, not the full table.
constexpr std::array<Range, 20> kZeroWidth{{
    {0x0300, 0x036F},    // combining diacritics
    {0x0483, 0x0489},    // Cyrillic combining
    {0x0591, 0x05BD},    // Hebrew points
    {0x0610, 0x061A},    // Arabic marks
    {0x064B, 0x065F},    // Arabic harakat
    {0x0E31, 0x0E31},    // Thai
    {0x0E34, 0x0E3A},    // Thai
    {0x0E47, 0x0E4E},    // Thai
    {0x1AB0, 0x1AFF},    // combining diacritics extended
    {0x1DC0, 0x1DFF},    // combining diacritics supplement
    {0x200B, 0x200F},    // zero-width space, joiners, direction marks
    {0x202A, 0x202E},    // bidi embedding
    {0x2060, 0x2064},    // word joiner, invisible operators
    {0x20D0, 0x20FF},    // combining marks for symbols
    {0x302A, 0x302D},    // ideographic tone marks
    {0x3099, 0x309A},    // combining kana voiced marks
    {0xFE00, 0xFE0F},    // variation selectors
    {0xFE20, 0xFE2F},    // combining half marks
    {0xFEFF, 0xFEFF},    // byte-order mark / zero-width no-break space
    {0xE0100, 0xE01EF},  // variation selectors supplement
}};

// East Asian Width W and F, condensed to the blocks in use.
constexpr std::array<Range, 19> kWide{{
    {0x1100, 0x115F},    // Hangul Jamo initials
    {0x2E80, 0x303E},    // CJK radicals, ideographic description, CJK symbols 、。「」
    {0x3041, 0x33FF},    // kana, bopomofo, Hangul compatibility Jamo, CJK compatibility
    {0x3400, 0x4DBF},    // CJK extension A
    {0x4E00, 0x9FFF},    // CJK unified ideographs
    {0xA000, 0xA4CF},    // Yi
    {0xA960, 0xA97F},    // Hangul Jamo extended A
    {0xAC00, 0xD7A3},    // Hangul syllables
    {0xF900, 0xFAFF},    // CJK compatibility ideographs
    {0xFE10, 0xFE19},    // vertical forms
    {0xFE30, 0xFE6F},    // CJK compatibility forms, small form variants
    {0xFF00, 0xFF60},    // full-width forms （），０-９
    {0xFFE0, 0xFFE6},    // full-width signs ￥
    {0x1F300, 0x1F64F},  // pictographs, emoticons
    {0x1F900, 0x1F9FF},  // supplemental symbols and pictographs
    {0x1B000, 0x1B16F},  // kana supplement
    {0x20000, 0x2FFFD},  // CJK extensions B-F
    {0x30000, 0x3FFFD},  // CJK extension G
    {0x231A, 0x231B},    // watch, hourglass
}};

template <std::size_t N>
bool in_ranges(const std::array<Range, N>& ranges, char32_t code_point) {
  return std::any_of(ranges.begin(), ranges.end(), [&](const Range& range) {
    return code_point >= range.first && code_point <= range.last;
  });
}

int code_point_width(char32_t code_point) {
  if (code_point < 0x20 || (code_point >= 0x7F && code_point < 0xA0)) return 0;
  if (in_ranges(kZeroWidth, code_point)) return 0;
  if (in_ranges(kWide, code_point)) return 2;
  return 1;
}

// Decodes the code point at text[at] and the bytes it uses. On malformed input returns
// false with length 1: the caller counts the byte as width 1 so a bad file still lines up
// roughly.
bool decode(std::string_view text, std::size_t at, char32_t& code_point, std::size_t& length) {
  const auto byte = [&](std::size_t offset) {
    return static_cast<std::uint8_t>(text[at + offset]);
  };
  const std::uint8_t lead = byte(0);
  length = 1;
  if (lead < 0x80) {
    code_point = lead;
    return true;
  }
  std::size_t needed = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    needed = 2;
    code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    needed = 3;
    code_point = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    needed = 4;
    code_point = lead & 0x07;
  } else {
    return false;
  }
  if (at + needed > text.size()) return false;
  for (std::size_t offset = 1; offset < needed; ++offset) {
    if ((byte(offset) & 0xC0) != 0x80) return false;
    code_point = (code_point << 6) | (byte(offset) & 0x3F);
  }
  length = needed;
  return true;
}

}  // namespace

int display_width(std::string_view utf8) {
  int width = 0;
  std::size_t at = 0;
  while (at < utf8.size()) {
    char32_t code_point = 0;
    std::size_t length = 1;
    width += decode(utf8, at, code_point, length) ? code_point_width(code_point) : 1;
    at += length;
  }
  return width;
}

}  // namespace planscore::core
