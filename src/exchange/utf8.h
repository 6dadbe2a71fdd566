#pragma once
// UTF-8 counting shared by the CSV decoder and the XLSX reader (validity checks are
// core/text/utf8.h).
#include <cstddef>
#include <optional>
#include <string_view>

namespace planscore::exchange {

// Characters (code points) in valid UTF-8 text; Excel's cell limit counts characters.
std::size_t utf8_length(std::string_view text);

// 1-based line holding text[offset]; CRLF, LF and a lone CR each end one line, as the
// CSV reader counts them.
int line_at(std::string_view text, std::size_t offset);

}  // namespace planscore::exchange
