#pragma once
// What a YAML text would cost yaml-cpp, found before yaml-cpp sees it: how deep it nests,
// and how many tokens yaml-cpp's scanner would hold at once.
//
// yaml-cpp's scanner hands a token to its parser only once it knows whether a "simple key"
// before it is a key: from a token that may still be one (a scalar, anchor, tag or flow
// collection at block level) it keeps every token in memory until that key's `:`, the end
// of its line, or a line left of it. A flow collection ([…] or {…}) with such a start is
// held whole, so 5 MB of `[[[[…` cost over a gigabyte and 5 MB of `[a,a,…]` one, all
// before the first event an event handler could refuse; lines of plain text after a
// `key: value` line (`b\nb\n…`) are held the same way.
//
// The scan follows yaml-cpp's own rules for where a token starts and ends, so brackets
// inside quoted scalars, block scalars (| and >), plain text and comments are not
// counted, and a valid plan is never refused by it. Block collections (indentation)
// are counted too, which keeps the scan's own memory as small as the depth limit.
#include <optional>
#include <string_view>

namespace planscore::planfile {

struct YamlShapeLimits {
  int max_depth = 0;
  // Tokens (scalars, brackets, `,`, `:`, `-`, `?`, anchors and tags) in one outermost flow
  // collection, nested ones included, and tokens yaml-cpp would hold at once outside one.
  int max_tokens = 0;
};

struct YamlShapeFault {
  enum class Kind {
    too_deep,              // at the bracket or block entry that goes one level too deep
    long_flow_collection,  // at the outermost bracket of the collection
    long_unread_run,       // at the first token of the run after the last `key:`
  };
  Kind kind = Kind::too_deep;
  int line = 0;  // 1-based
  int column = 0;
};

// The first fault in text order; nullopt when there is none (the parser's own depth limit
// then covers flow and block collections nested inside each other).
std::optional<YamlShapeFault> find_yaml_shape_fault(std::string_view text,
                                                    const YamlShapeLimits& limits);

}  // namespace planscore::planfile
