#include "planfile/text_checks.h"

#include <string>

#include "planfile/document_tree.h"

namespace planscore::planfile {
namespace {

// Length of the UTF-8 sequence starting at text[at], or 0 when it is malformed.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = 0;
  unsigned min_code_point = 0;
  unsigned code_point = 0;
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, min_code_point = 0x80, code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, min_code_point = 0x800, code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, min_code_point = 0x10000, code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (next & 0x3F);
  }
  if (code_point < min_code_point || code_point > 0x10FFFF) return 0;
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return 0;
  return length;
}

}  // namespace

bool check_input_text(std::string_view text, core::Problems& problems) {
  if (text.size() > kMaxInputBytes) {
    problems.push_back({"", "the file is " + std::to_string(text.size()) +
                                " bytes; plan files are limited to " +
                                std::to_string(kMaxInputBytes) + " bytes (5 MB)"});
    return false;
  }
  int line = 1;
  for (std::size_t at = 0; at < text.size();) {
    if (text[at] == '\0') {
      problems.push_back({"", "the file contains a NUL byte on line " + std::to_string(line) +
                                  "; plan files are UTF-8 text"});
      return false;
    }
    // yaml-cpp 0.7 takes this byte for the end of its input (Stream::eof()) wherever it looks
    // ahead, and more or less so as its buffer fills: text holding it would not be read as
    // it looks, nor as the YAML depth scan reads it. No plan needs it.
    if (text[at] == '\x04') {
      problems.push_back({"", "the file contains the control character U+0004 on line " +
                                  std::to_string(line) + "; plan files are UTF-8 text"});
      return false;
    }
    std::size_t length = utf8_sequence_length(text, at);
    if (length == 0) {
      problems.push_back({"", "the file is not valid UTF-8 (line " + std::to_string(line) +
                                  ", byte " + std::to_string(at + 1) + "); save it as UTF-8"});
      return false;
    }
    if (text[at] == '\n') ++line;
    at += length;
  }
  return true;
}

}  // namespace planscore::planfile
