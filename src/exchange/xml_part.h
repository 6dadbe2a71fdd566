#pragma once
// Parsing one XML part of an uploaded workbook, and finding elements by local name
// (generators differ in namespace prefixes: <worksheet> and <x:worksheet> are the same).
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace planscore::exchange {

// Parses `content` into `document`. Throws ArchiveError naming the part when it is not
// well-formed XML or declares a DOCTYPE: workbooks never need one, and entity
// declarations are how XML bombs and external-entity attacks start.
void parse_part(pugi::xml_document& document, const std::string& name, const std::string& content);

std::string_view local_name(const pugi::xml_node& node);
pugi::xml_node child(const pugi::xml_node& node, std::string_view name);  // first, by local name
// An attribute by local name ("id" finds r:id whatever the prefix).
pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name);

// Calls `visit` with every child element of `node` whose local name is `name`.
template <typename Visit>
void for_each_child(const pugi::xml_node& node, std::string_view name, Visit&& visit) {
  for (auto element = node.first_child(); element; element = element.next_sibling())
    if (element.type() == pugi::node_element && local_name(element) == name) visit(element);
}

}  // namespace planscore::exchange
