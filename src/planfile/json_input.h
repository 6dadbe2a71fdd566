#pragma once
// Checks JSON text from outside (request bodies, plan files) before any tree is built:
// one pass of nlohmann-json's SAX parser with a stack of the open objects and arrays,
// so nothing is parsed recursively, kept whole, or walked afterwards. Refuses nesting
// deeper than a limit, a key given twice in one object (a tree would silently keep the
// last), and, where asked, more keys and values than a limit and the NUL character in a
// string or key (neither database keeps one inside text). The path of a refusal is built
// only for the value refused.
#include <optional>
#include <string>
#include <string_view>

namespace planscore::planfile {

// How a path names array positions: "rows.3.name" (the API's problems) or
// "rows[3].name" (the plan file's, docs/plan-file.md).
enum class JsonIndexStyle { dotted, bracketed };

struct JsonInputRules {
  int max_depth = 0;  // open objects and arrays, the outermost being 1
  JsonIndexStyle index_style = JsonIndexStyle::dotted;
  bool refuse_nul = true;
  int max_nodes = 0;  // keys and values, objects and arrays included; 0 for no limit
};

struct JsonInputFault {
  enum class Kind { too_deep, duplicate_key, nul_character, too_many_nodes };
  Kind kind = Kind::too_deep;
  // Where: the object or array opened one level too deep, the key given twice, the key
  // or value past max_nodes (a key: its object's path), or the string holding a NUL (a key
  // holding one: its object's path and ".(a key)"). Empty for the whole text.
  std::string path;
  std::string key;  // duplicate_key: the key
};

// The first fault in text order, or nullopt when there is none. Where the text stops
// being JSON the search stops too: the parser that follows names the syntax error.
std::optional<JsonInputFault> find_json_input_fault(std::string_view text,
                                                    const JsonInputRules& rules);

}  // namespace planscore::planfile
