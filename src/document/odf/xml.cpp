#include "document/odf/xml.h"

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <sstream>
#include <utility>

namespace planscore::document::odf {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

constexpr std::pair<const char*, const char*> kNamespaces[] = {
    {"xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
    {"xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
    {"xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
    {"xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
    {"xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"},
    {"xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
    {"xmlns:xlink", "http://www.w3.org/1999/xlink"},
    {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
    {"xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
    {"xmlns:number", "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"},
    {"xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"},
    {"xmlns:config", "urn:oasis:names:tc:opendocument:xmlns:config:1.0"},
};

// The length of the UTF-8 sequence starting at text[i] if it is well formed and a
// character XML allows, else 0.
std::size_t valid_sequence(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[i + k]); };
  const std::uint8_t lead = byte(0);
  std::size_t length = 0;
  std::uint32_t code = 0;
  if (lead < 0x80) return (lead >= 0x20 || lead == '\t' || lead == '\n' || lead == '\r') ? 1 : 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code = lead & 0x07u;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xC0u) != 0x80u) return 0;
    code = (code << 6) | (byte(k) & 0x3Fu);
  }
  const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
  const bool surrogate = code >= 0xD800 && code <= 0xDFFF;
  const bool non_character = code == 0xFFFE || code == 0xFFFF;
  if (overlong || surrogate || non_character || code > 0x10FFFF) return 0;
  return length;
}

void append_spaces(pugi::xml_node paragraph, std::size_t count) {
  pugi::xml_node space = paragraph.append_child("text:s");
  if (count > 1) space.append_attribute("text:c") = static_cast<unsigned>(count);
}

}  // namespace

std::string xml_safe(std::string_view text) {
  std::string safe;
  safe.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t length = valid_sequence(text, i); length > 0) {
      safe.append(text.substr(i, length));
      i += length;
    } else {
      // A control character is dropped silently; a broken sequence leaves a visible mark.
      if (static_cast<std::uint8_t>(text[i]) >= 0x80) safe.append(kReplacement);
      ++i;
    }
  }
  return safe;
}

pugi::xml_node odf_root(pugi::xml_document& document, const char* root) {
  pugi::xml_node element = document.append_child(root);
  for (const auto& [name, uri] : kNamespaces) element.append_attribute(name) = uri;
  element.append_attribute("office:version") = "1.2";
  return element;
}

std::string serialize(const pugi::xml_document& document) {
  std::ostringstream out;
  document.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return R"(<?xml version="1.0" encoding="UTF-8"?>)"
         "\n" +
         out.str();
}

void append_text(pugi::xml_node paragraph, std::string_view text) {
  const std::string safe = xml_safe(text);
  std::string run;
  bool line_start = true;  // ODF drops a leading space, so it must be written as text:s
  const auto flush = [&] {
    if (!run.empty()) paragraph.append_child(pugi::node_pcdata).set_value(run.c_str());
    run.clear();
  };
  for (std::size_t i = 0; i < safe.size(); ++i) {
    const char c = safe[i];
    if (c == '\r') continue;
    if (c == '\n' || c == '\t') {
      flush();
      paragraph.append_child(c == '\n' ? "text:line-break" : "text:tab");
      line_start = true;
      continue;
    }
    if (c == ' ') {
      std::size_t count = 1;
      while (i + count < safe.size() && safe[i + count] == ' ') ++count;
      i += count - 1;
      if (!line_start) {
        run += ' ';
        --count;
      }
      if (count > 0) {
        flush();
        append_spaces(paragraph, count);
      }
      line_start = false;
      continue;
    }
    run += c;
    line_start = false;
  }
  flush();
}

void set_text_attribute(pugi::xml_node node, const char* name, std::string_view text) {
  node.append_attribute(name) = xml_safe(text).c_str();
}

std::string centimetres(double value) {
  // to_chars, not printf: a process locale with a decimal comma must not leak into the XML.
  char buffer[32];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 3);
  return std::string(buffer, result.ptr) + "cm";
}

std::string hex_colour(const Colour& colour) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", colour.red, colour.green, colour.blue);
  return buffer;
}

}  // namespace planscore::document::odf
