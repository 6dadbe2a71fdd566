// The canonical YAML layout. Written by hand rather than with YAML::Emitter, whose
// literal blocks do not read back to the same text (it always uses clip chomping).
// Every string is written in the plainest style that reads back byte for byte:
// a literal block for long or multi-line text, a plain scalar when nothing in it means
// anything to YAML, and a double-quoted scalar with escapes otherwise.
#include <string>
#include <string_view>

#include "planfile/number_text.h"
#include "planfile/yaml_tree.h"

namespace planscore::planfile {
namespace {

constexpr std::size_t kLongText = 120;  // bytes (40 CJK characters); longer go in literal blocks

// Decodes one UTF-8 code point; malformed bytes come back as themselves with length 1.
char32_t next_code_point(std::string_view text, std::size_t at, std::size_t& length) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t expected = lead < 0x80             ? 1
                         : (lead & 0xE0) == 0xC0 ? 2
                         : (lead & 0xF0) == 0xE0 ? 3
                         : (lead & 0xF8) == 0xF0 ? 4
                                                 : 0;
  if (expected <= 1 || at + expected > text.size()) {
    length = 1;
    return lead;
  }
  char32_t code_point = lead & (0x7F >> expected);
  for (std::size_t i = 1; i < expected; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xC0) != 0x80) {
      length = 1;
      return lead;
    }
    code_point = (code_point << 6) | (next & 0x3F);
  }
  length = expected;
  return code_point;
}

// Characters YAML treats as line breaks, BOMs or controls: never written raw.
bool needs_escape(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF;
}

bool has_escapable(std::string_view text, bool allow_newline) {
  for (std::size_t at = 0, length = 0; at < text.size(); at += length) {
    char32_t c = next_code_point(text, at, length);
    if (c == '\n' && allow_newline) continue;
    if (needs_escape(c)) return true;
  }
  return false;
}

bool is_reserved_word(std::string_view text) {
  static constexpr std::string_view kWords[] = {
      "~",   "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
      "yes", "Yes",  "YES",  "no",   "No",   "NO",   "on",   "On",    "ON",    "off",
      "Off", "OFF",  "y",    "Y",    "n",    "N",    ".inf", ".nan",  "-.inf"};
  for (auto word : kWords)
    if (text == word) return true;
  return false;
}

bool is_plain_safe(std::string_view text, bool in_flow) {
  if (text.empty() || is_reserved_word(text) || parse_number(text)) return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`+. ").find(text.front()) != std::string_view::npos)
    return false;
  if (text.back() == ' ' || text.back() == ':') return false;
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos)
    return false;
  if (in_flow && text.find_first_of(",[]{}:") != std::string_view::npos) return false;
  return !has_escapable(text, false);
}

bool is_literal_safe(std::string_view text) {
  if (text.empty() || text.front() == ' ' || text.front() == '\n') return false;
  if (text.size() >= 2 && text.substr(text.size() - 2) == "\n\n") return false;
  if (has_escapable(text, true)) return false;
  // Trailing spaces would be invisible to the planner editing the file.
  return text.find(" \n") == std::string_view::npos && text.back() != ' ';
}

std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  for (std::size_t at = 0, length = 0; at < text.size(); at += length) {
    char32_t c = next_code_point(text, at, length);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (needs_escape(c)) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      if (c <= 0xFF) {
        out += "\\x";
        out += kHex[(c >> 4) & 0xF];
        out += kHex[c & 0xF];
      } else {
        out += "\\u";
        for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(c >> shift) & 0xF];
      }
    } else {
      out.append(text.substr(at, length));
    }
  }
  return out + "\"";
}

std::string indentation(int width) {
  return std::string(static_cast<std::size_t>(width), ' ');
}

// Appends a scalar that follows "key: " or "- "; `indent` is that line's indentation.
void write_scalar(std::string& out, const TreeNode& node, int indent, bool in_flow) {
  if (!node.is_string) {
    out += node.text;
    return;
  }
  const std::string& text = node.text;
  bool wants_block = text.find('\n') != std::string::npos || text.size() > kLongText;
  if (!in_flow && wants_block && is_literal_safe(text)) {
    bool ends_with_newline = text.back() == '\n';
    out += ends_with_newline ? "|" : "|-";
    std::string_view body(text);
    if (ends_with_newline) body.remove_suffix(1);
    for (std::size_t start = 0; start <= body.size();) {
      std::size_t end = body.find('\n', start);
      if (end == std::string_view::npos) end = body.size();
      out += '\n';
      if (end > start) out += indentation(indent + 2).append(body.substr(start, end - start));
      start = end + 1;
    }
    return;
  }
  out += is_plain_safe(text, in_flow) ? text : double_quoted(text);
}

void write_key(std::string& out, const std::string& key) {
  bool is_year = !key.empty() && key.find_first_not_of("0123456789") == std::string::npos;
  out += is_year || is_plain_safe(key, true) ? key : double_quoted(key);
}

void write_flow(std::string& out, const TreeNode& node) {
  if (node.kind == TreeNode::Kind::scalar) return write_scalar(out, node, 0, true);
  if (node.kind == TreeNode::Kind::null) {
    out += "null";
    return;
  }
  bool is_map = node.kind == TreeNode::Kind::map;
  out += is_map ? "{" : "[";
  std::size_t count = is_map ? node.entries.size() : node.items.size();
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) out += ", ";
    if (is_map) {
      write_key(out, node.entries[i].key);
      out += ": ";
      write_flow(out, node.entries[i].value);
    } else {
      write_flow(out, node.items[i]);
    }
  }
  out += is_map ? "}" : "]";
}

bool is_block_collection(const TreeNode& node) {
  if (node.flow) return false;
  if (node.kind == TreeNode::Kind::map) return !node.entries.empty();
  if (node.kind == TreeNode::Kind::list) return !node.items.empty();
  return false;
}

void write_map(std::string& out, const TreeNode& map, int indent, bool first_inline, bool spaced);
void write_list(std::string& out, const TreeNode& list, int indent);

// Appends the value after "key:" (or after "-"), then its newline.
void write_value(std::string& out, const TreeNode& value, int indent) {
  if (value.kind == TreeNode::Kind::map && is_block_collection(value)) {
    out += '\n';
    write_map(out, value, indent + 2, false, false);
  } else if (value.kind == TreeNode::Kind::list && is_block_collection(value)) {
    out += '\n';
    write_list(out, value, indent + 2);
  } else {
    out += ' ';
    if (value.kind == TreeNode::Kind::scalar) {
      write_scalar(out, value, indent, false);
    } else {
      write_flow(out, value);
    }
    out += '\n';
  }
}

// `first_inline`: the first entry continues a "- " already written. `spaced`: a blank
// line between entries that span several lines, so top-level parts stand apart.
void write_map(std::string& out, const TreeNode& map, int indent, bool first_inline, bool spaced) {
  bool first = true;
  for (const auto& entry : map.entries) {
    if (spaced && !first && is_block_collection(entry.value)) out += '\n';
    if (!(first && first_inline)) out += indentation(indent);
    first = false;
    write_key(out, entry.key);
    out += ':';
    write_value(out, entry.value, indent);
  }
}

void write_list(std::string& out, const TreeNode& list, int indent) {
  for (const auto& item : list.items) {
    out += indentation(indent) + "-";
    if (item.kind == TreeNode::Kind::map && is_block_collection(item)) {
      out += ' ';
      write_map(out, item, indent + 2, true, false);
    } else {
      write_value(out, item, indent);
    }
  }
}

}  // namespace

std::string write_yaml_tree(const TreeNode& root) {
  std::string out;
  if (root.kind == TreeNode::Kind::map && !root.entries.empty()) {
    write_map(out, root, 0, false, true);
  } else if (is_block_collection(root)) {
    write_list(out, root, 0);
  } else {
    write_flow(out, root);
    out += '\n';
  }
  return out;
}

}  // namespace planscore::planfile
