#include "document/odf/style_registry.h"

namespace planscore::document::odf {

std::string StyleRegistry::style(const std::string& prefix, const std::string& key,
                                 const Build& build) {
  const std::string lookup = prefix + '\x1f' + key;
  if (const auto found = names_.find(lookup); found != names_.end()) return found->second;
  const std::string name = prefix + std::to_string(++counters_[prefix]);
  names_.emplace(lookup, name);
  build(container_, name);
  return name;
}

pugi::xml_node add_style(pugi::xml_node container, const std::string& name, const char* family) {
  pugi::xml_node style = container.append_child("style:style");
  style.append_attribute("style:name") = name.c_str();
  style.append_attribute("style:family") = family;
  return style;
}

}  // namespace planscore::document::odf
