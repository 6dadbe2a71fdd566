#include "exchange/text_encoding.h"

#include <iconv.h>

#include <cerrno>
#include <cstdio>
#include <memory>

#include "core/problem_catalog.h"
#include "core/register/csv.h"
#include "core/text/utf8.h"
#include "exchange/utf8.h"

namespace planscore::exchange {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

std::string byte_hex(unsigned char byte) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", byte);
  return text;
}

std::string line_path(std::string_view bytes, std::size_t offset) {
  return "line " + std::to_string(line_at(bytes, offset));
}

std::string where(std::string_view bytes, std::size_t offset) {
  return "byte " + std::to_string(offset) + " (" +
         byte_hex(static_cast<unsigned char>(bytes[offset])) + ", line " +
         std::to_string(line_at(bytes, offset)) + ")";
}

// The problem `code` (not_utf8_at, not_big5_at) at the byte `offset`.
core::Problem bad_byte(std::string_view code, std::string_view bytes, std::size_t offset) {
  return core::coded_problem(line_path(bytes, offset), code,
                             {{"byte", std::to_string(offset)},
                              {"hex", byte_hex(static_cast<unsigned char>(bytes[offset]))},
                              {"line", std::to_string(line_at(bytes, offset))}});
}

struct IconvCloser {
  void operator()(iconv_t* handle) const {
    iconv_close(*handle);
    delete handle;
  }
};
using IconvHandle = std::unique_ptr<iconv_t, IconvCloser>;

IconvHandle open_big5_decoder() {
  // CP950 has Microsoft's extensions (and the euro sign) that files from Windows use;
  // the other names are fallbacks for an iconv without it.
  for (const char* name : {"CP950", "BIG5-HKSCS", "BIG5"}) {
    iconv_t handle = iconv_open("UTF-8", name);
    if (handle != reinterpret_cast<iconv_t>(-1)) return IconvHandle(new iconv_t(handle));
  }
  return nullptr;
}

struct Big5Result {
  std::string text;
  std::optional<std::size_t> bad_offset;  // first byte that does not decode
  bool unavailable = false;               // no Big5 converter in this iconv
};

Big5Result decode_big5(std::string_view bytes) {
  Big5Result result;
  auto decoder = open_big5_decoder();
  if (!decoder) {
    result.unavailable = true;
    return result;
  }
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char buffer[16384];
  while (in_left > 0) {
    char* out = buffer;
    std::size_t out_left = sizeof buffer;
    const std::size_t done = iconv(*decoder, &in, &in_left, &out, &out_left);
    result.text.append(buffer, static_cast<std::size_t>(out - buffer));
    if (done != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) continue;
    // EILSEQ: an invalid sequence; EINVAL: the text ends inside a two-byte character.
    result.bad_offset = static_cast<std::size_t>(in - bytes.data());
    return result;
  }
  return result;
}

DecodedText as_utf8(std::string_view bytes) {
  DecodedText decoded;
  decoded.encoding = TextEncoding::utf8;
  const std::size_t skipped = bytes.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  const std::string_view body = bytes.substr(skipped);
  if (const auto bad = core::first_invalid_utf8(body)) {
    const std::size_t offset = skipped + *bad;  // counted in the file as the user has it
    decoded.problems.push_back(bad_byte("not_utf8_at", bytes, offset));
    return decoded;
  }
  decoded.text.assign(body);
  return decoded;
}

DecodedText as_big5(std::string_view bytes) {
  DecodedText decoded;
  decoded.encoding = TextEncoding::big5;
  auto big5 = decode_big5(bytes);
  if (big5.unavailable) {
    decoded.problems.push_back({"", "this server cannot read Big5 text (iconv has no CP950)"});
  } else if (big5.bad_offset) {
    decoded.problems.push_back(bad_byte("not_big5_at", bytes, *big5.bad_offset));
  } else {
    decoded.text = std::move(big5.text);
  }
  return decoded;
}

}  // namespace

std::optional<TextEncoding> parse_text_encoding(std::string_view name) {
  const std::string lower = ascii_lower(name);
  if (lower == "auto") return TextEncoding::automatic;
  if (lower == "utf-8" || lower == "utf8") return TextEncoding::utf8;
  if (lower == "big5" || lower == "cp950") return TextEncoding::big5;
  return std::nullopt;
}

std::string_view to_string(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::automatic:
      return "auto";
    case TextEncoding::utf8:
      return "utf-8";
    case TextEncoding::big5:
      return "big5";
  }
  return "auto";
}

DecodedText decode_text(std::string_view bytes, TextEncoding encoding) {
  if (bytes.size() > core::kMaxCsvBytes) {
    DecodedText refused;
    refused.encoding = encoding == TextEncoding::big5 ? TextEncoding::big5 : TextEncoding::utf8;
    refused.problems.push_back({"", "the file is " + std::to_string(bytes.size() / (1024 * 1024)) +
                                        " MB; files over 100 MB are not read"});
    return refused;
  }
  if (encoding == TextEncoding::utf8) return as_utf8(bytes);
  if (encoding == TextEncoding::big5) return as_big5(bytes);

  auto utf8 = as_utf8(bytes);
  if (utf8.problems.empty()) return utf8;
  auto big5 = decode_big5(bytes);
  if (!big5.unavailable && !big5.bad_offset) {
    DecodedText decoded;
    decoded.encoding = TextEncoding::big5;
    decoded.text = std::move(big5.text);
    return decoded;
  }
  // Both failed: the UTF-8 position is the one to name, since most files are UTF-8 and a
  // single stray byte is the usual cause.
  const std::size_t skipped = bytes.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  const std::size_t bad = skipped + *core::first_invalid_utf8(bytes.substr(skipped));
  std::string message =
      "the text is neither UTF-8 nor Big5: " + where(bytes, bad) + " is not valid UTF-8";
  if (big5.bad_offset) message += ", and " + where(bytes, *big5.bad_offset) + " is not valid Big5";
  DecodedText failed;
  failed.encoding = TextEncoding::utf8;
  failed.problems.push_back({line_path(bytes, bad), message + "; save the file as UTF-8"});
  return failed;
}

}  // namespace planscore::exchange
