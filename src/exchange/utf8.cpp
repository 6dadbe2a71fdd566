#include "exchange/utf8.h"

namespace planscore::exchange {
std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  return count;
}

int line_at(std::string_view text, std::size_t offset) {
  int line = 1;
  for (std::size_t at = 0; at < offset && at < text.size(); ++at) {
    if (text[at] == '\n') {
      ++line;
    } else if (text[at] == '\r' && !(at + 1 < text.size() && text[at + 1] == '\n')) {
      ++line;
    }
  }
  return line;
}

}  // namespace planscore::exchange
