#pragma once
// How deep a YAML text nests, found before yaml-cpp sees it. yaml-cpp's scanner reads a
// whole flow collection ([…] or {…}) into tokens before its parser hands out the first
// event (each `[` may still turn out to be a key), so 5 MB of `[[[[…` cost over a
// gigabyte before the event handler could refuse the nesting.
//
// The scan follows yaml-cpp's own rules for where a token starts and ends, so brackets
// inside quoted scalars, block scalars (| and >), plain text and comments are not
// counted, and a valid plan is never refused by it. Block collections (indentation)
// are counted too, which keeps the scan's own memory as small as the limit.
#include <optional>
#include <string_view>

namespace planscore::planfile {

struct TooDeepNesting {
  int line = 0;  // 1-based, of the bracket or block entry that goes one level too deep
  int column = 0;
};

// Where flow collections, or block collections, first nest deeper than `max_depth`; nullopt
// when they never do (the parser's own limit then covers the two mixed).
std::optional<TooDeepNesting> find_too_deep_nesting(std::string_view text, int max_depth);

}  // namespace planscore::planfile
