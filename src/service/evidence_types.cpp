#include "service/evidence_types.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace planscore::service {
namespace {

struct EvidenceType {
  std::string_view extension;
  std::string_view content_type;
  std::string_view magic;  // the first bytes; empty: text, checked for NUL bytes instead
};

constexpr std::string_view kZip{"PK\x03\x04", 4};

constexpr std::array<EvidenceType, 11> kTypes{{
    {".pdf", "application/pdf", "%PDF-"},
    {".png", "image/png", "\x89PNG\r\n\x1a\n"},
    {".jpg", "image/jpeg", "\xff\xd8\xff"},
    {".jpeg", "image/jpeg", "\xff\xd8\xff"},
    {".odt", "application/vnd.oasis.opendocument.text", kZip},
    {".ods", "application/vnd.oasis.opendocument.spreadsheet", kZip},
    {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", kZip},
    {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", kZip},
    {".csv", "text/csv; charset=utf-8", ""},
    {".txt", "text/plain; charset=utf-8", ""},
    {".md", "text/markdown; charset=utf-8", ""},
}};

std::string lower_extension(std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return "";
  std::string extension(file_name.substr(dot));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

}  // namespace

std::optional<std::string> evidence_content_type(std::string_view file_name,
                                                 std::string_view content) {
  const std::string extension = lower_extension(file_name);
  for (const auto& type : kTypes) {
    if (type.extension != extension) continue;
    const bool matches = type.magic.empty() ? content.find('\0') == std::string_view::npos
                                            : content.substr(0, type.magic.size()) == type.magic;
    if (!matches) return std::nullopt;
    return std::string(type.content_type);
  }
  return std::nullopt;
}

std::optional<std::string> file_name_problem(std::string_view file_name) {
  if (file_name.empty()) return "the file needs a name";
  if (file_name.size() > 255) return "the file name is longer than 255 bytes";
  if (file_name == "." || file_name == "..") return "the file name is not a name";
  for (unsigned char c : file_name) {
    if (c < 0x20 || c == 0x7f) return "the file name contains a control character";
    if (c == '/' || c == '\\') return "the file name must not contain / or \\";
  }
  return std::nullopt;
}

std::vector<std::string> evidence_extensions() {
  std::vector<std::string> extensions;
  for (const auto& type : kTypes) extensions.emplace_back(type.extension);
  return extensions;
}

std::string allowed_evidence_extensions() {
  std::string list;
  for (const auto& extension : evidence_extensions())
    list += (list.empty() ? "" : ", ") + extension;
  return list;
}

}  // namespace planscore::service
