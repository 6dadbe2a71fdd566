#include "exchange/xml_part.h"

#include <algorithm>

#include "exchange/zip_archive.h"

namespace planscore::exchange {
namespace {

std::string_view after_prefix(std::string_view qualified) {
  const auto colon = qualified.find(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

bool mentions_doctype(std::string_view content) {
  constexpr std::string_view kDoctype = "<!doctype";
  const auto found =
      std::search(content.begin(), content.end(), kDoctype.begin(), kDoctype.end(),
                  [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b; });
  return found != content.end();
}

}  // namespace

void parse_part(pugi::xml_document& document, const std::string& name, const std::string& content) {
  const std::string refused =
      "the part " + name + " declares a DOCTYPE (entity declarations are refused)";
  // The byte search catches UTF-8 parts before parsing; the node check after parsing
  // catches the same in UTF-16 parts.
  if (mentions_doctype(content)) throw ArchiveError(refused);
  const unsigned options = pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata_single;
  const auto parsed = document.load_buffer(content.data(), content.size(), options);
  if (!parsed)
    throw ArchiveError("the part " + name + " is not well-formed XML (" + parsed.description() +
                       " at byte " + std::to_string(parsed.offset) + ")");
  for (auto node = document.first_child(); node; node = node.next_sibling())
    if (node.type() == pugi::node_doctype) throw ArchiveError(refused);
}

std::string_view local_name(const pugi::xml_node& node) {
  return after_prefix(node.name());
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (auto element = node.first_child(); element; element = element.next_sibling())
    if (element.type() == pugi::node_element && local_name(element) == name) return element;
  return {};
}

pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name) {
  for (auto found = node.first_attribute(); found; found = found.next_attribute())
    if (after_prefix(found.name()) == name) return found;
  return {};
}

}  // namespace planscore::exchange
