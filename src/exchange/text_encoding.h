#pragma once
// The text encodings section files come in: UTF-8 from current tools, Big5 (as
// Microsoft's CP950) from older Excel on Traditional Chinese Windows, which still saves
// "CSV" that way.
#include <optional>
#include <string>
#include <string_view>

#include "core/problem.h"

namespace planscore::exchange {

enum class TextEncoding { automatic, utf8, big5 };

// "auto", "utf-8" (or "utf8"), "big5" (or "cp950"), in any letter case; nullopt otherwise.
std::optional<TextEncoding> parse_text_encoding(std::string_view name);
std::string_view to_string(TextEncoding encoding);  // "auto", "utf-8", "big5"

struct DecodedText {
  std::string text;                            // UTF-8 without a byte-order mark
  TextEncoding encoding = TextEncoding::utf8;  // the one used; never automatic
  core::Problems problems;  // path "line N"; text is empty when there are problems
};

// automatic takes valid UTF-8 as UTF-8 (a Big5 file of Chinese text is practically never
// valid UTF-8) and otherwise tries CP950.
DecodedText decode_text(std::string_view bytes, TextEncoding encoding);

}  // namespace planscore::exchange
