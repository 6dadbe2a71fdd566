#pragma once
// Automatic styles made on demand: a writer asks for the style with some properties, and
// the same properties always give the same style name, so a table of a thousand cells
// declares a handful of styles.
#include <functional>
#include <map>
#include <pugixml.hpp>
#include <string>

namespace planscore::document::odf {

class StyleRegistry {
 public:
  // `container` is the office:automatic-styles element the styles go into.
  explicit StyleRegistry(pugi::xml_node container) : container_(container) {}

  // The name of the style described by `key`. The first time a key is asked for, a name
  // is made from `prefix` and a counter, and `build` appends the style element to the
  // container under that name.
  using Build = std::function<void(pugi::xml_node container, const std::string& name)>;
  std::string style(const std::string& prefix, const std::string& key, const Build& build);

 private:
  pugi::xml_node container_;
  std::map<std::string, std::string> names_;  // prefix + key → name
  std::map<std::string, int> counters_;       // prefix → styles made
};

// A style:style element of `family` named `name`, appended to `container`.
pugi::xml_node add_style(pugi::xml_node container, const std::string& name, const char* family);

}  // namespace planscore::document::odf
