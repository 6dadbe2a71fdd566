#include "exchange/xlsx_workbook.h"

#include <charconv>
#include <map>
#include <string_view>

#include "exchange/xlsx_values.h"
#include "exchange/xml_part.h"

namespace planscore::exchange {
namespace {

// More unique strings than a sheet of the largest size read could use.
constexpr std::size_t kMaxSharedStrings = 2'000'000;

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string directory_of(const std::string& part) {
  const auto slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

std::string relationships_part(const std::string& part) {
  const auto slash = part.rfind('/');
  const std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  return directory_of(part) + "_rels/" + file + ".rels";
}

// A relationship target relative to the directory of its source part, as a part name.
std::string resolve(const std::string& directory, std::string_view target) {
  std::string joined =
      target.starts_with('/') ? std::string(target.substr(1)) : directory + std::string(target);
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    auto end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    const std::string segment = joined.substr(start, end - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string path;
  for (const auto& segment : segments) path += (path.empty() ? "" : "/") + segment;
  return path;
}

struct Relationship {
  std::string type;
  std::string part;
};

// Relationships of `source` by id; empty when the package has none for it.
std::map<std::string, Relationship> read_relationships(const ZipArchive& archive,
                                                       const std::string& source) {
  std::map<std::string, Relationship> found;
  const std::string name = relationships_part(source);
  if (!archive.contains(name)) return found;
  pugi::xml_document document;
  parse_part(document, name, archive.read(name, kMaxXmlPartBytes));
  for_each_child(child(document, "Relationships"), "Relationship", [&](const pugi::xml_node& rel) {
    if (std::string_view(rel.attribute("TargetMode").value()) == "External") return;
    found[rel.attribute("Id").value()] = {
        rel.attribute("Type").value(),
        resolve(directory_of(source), rel.attribute("Target").value())};
  });
  return found;
}

std::string part_of_type(const std::map<std::string, Relationship>& relationships,
                         std::string_view type_suffix, const std::string& fallback) {
  for (const auto& [id, relationship] : relationships)
    if (ends_with(relationship.type, type_suffix)) return relationship.part;
  return fallback;
}

// The text of an <si> or <is> element: plain (<t>) or rich text runs (<r><t>), without
// the phonetic guides (<rPh>) Japanese files carry.
std::string rich_text(const pugi::xml_node& node) {
  std::string text;
  for (auto element = node.first_child(); element; element = element.next_sibling()) {
    if (element.type() != pugi::node_element) continue;
    if (local_name(element) == "t") text += element.child_value();
    if (local_name(element) == "r") text += child(element, "t").child_value();
  }
  return decode_ooxml_escapes(text);
}

std::vector<std::string> read_shared_strings(const ZipArchive& archive, const std::string& part) {
  std::vector<std::string> strings;
  if (!archive.contains(part)) return strings;  // a workbook of numbers needs none
  pugi::xml_document document;
  parse_part(document, part, archive.read(part, kMaxXmlPartBytes));
  for_each_child(child(document, "sst"), "si", [&](const pugi::xml_node& item) {
    if (strings.size() == kMaxSharedStrings)
      throw ArchiveError("the part " + part + " holds more than 2,000,000 strings");
    strings.push_back(rich_text(item));
  });
  return strings;
}

int int_attribute(const pugi::xml_node& node, const char* name) {
  const std::string_view text = node.attribute(name).value();
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::vector<bool> read_date_styles(const ZipArchive& archive, const std::string& part) {
  std::vector<bool> date_styles;
  if (!archive.contains(part)) return date_styles;
  pugi::xml_document document;
  parse_part(document, part, archive.read(part, kMaxXmlPartBytes));
  const auto style_sheet = child(document, "styleSheet");
  std::map<int, std::string> custom_formats;
  for_each_child(child(style_sheet, "numFmts"), "numFmt", [&](const pugi::xml_node& format) {
    custom_formats[int_attribute(format, "numFmtId")] = format.attribute("formatCode").value();
  });
  for_each_child(child(style_sheet, "cellXfs"), "xf", [&](const pugi::xml_node& style) {
    const int id = int_attribute(style, "numFmtId");
    const auto custom = custom_formats.find(id);
    date_styles.push_back(is_date_format(id, custom == custom_formats.end() ? "" : custom->second));
  });
  return date_styles;
}

}  // namespace

WorkbookInfo read_workbook_info(const ZipArchive& archive) {
  const std::string workbook_part =
      part_of_type(read_relationships(archive, ""), "/officeDocument", "xl/workbook.xml");
  if (!archive.contains(workbook_part))
    throw ArchiveError("the file is a zip archive but not an XLSX workbook (it has no " +
                       workbook_part + ")");
  pugi::xml_document document;
  parse_part(document, workbook_part, archive.read(workbook_part, kMaxXmlPartBytes));
  const auto workbook = child(document, "workbook");
  const auto relationships = read_relationships(archive, workbook_part);

  WorkbookInfo info;
  const std::string_view date1904 = child(workbook, "workbookPr").attribute("date1904").value();
  info.date1904 = date1904 == "1" || date1904 == "true";
  for_each_child(child(workbook, "sheets"), "sheet", [&](const pugi::xml_node& sheet) {
    WorkbookSheet entry;
    entry.name = sheet.attribute("name").value();
    const auto found = relationships.find(attribute(sheet, "id").value());
    if (found != relationships.end()) {
      entry.part = found->second.part;
      entry.is_worksheet = ends_with(found->second.type, "/worksheet");
    }
    info.sheets.push_back(std::move(entry));
  });
  const std::string directory = directory_of(workbook_part);
  info.shared_strings = read_shared_strings(
      archive, part_of_type(relationships, "/sharedStrings", directory + "sharedStrings.xml"));
  info.date_styles =
      read_date_styles(archive, part_of_type(relationships, "/styles", directory + "styles.xml"));
  return info;
}

}  // namespace planscore::exchange
