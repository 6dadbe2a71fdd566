#pragma once
// A DocumentTree is the plan file after parsing and before interpretation: nested maps,
// lists and scalars with where each came from. YAML and JSON both parse into it, so one
// reader checks the plan's structure for both formats and reports the same problems.
#include <string>
#include <vector>

namespace planscore::planfile {

struct TreeEntry;

struct TreeNode {
  enum class Kind { null, scalar, list, map };
  Kind kind = Kind::null;
  // Scalars: `text` holds the value as written. A string scalar was quoted in the file (or
  // is a JSON string); numbers and booleans are not, so "500" in quotes is not a number.
  std::string text;
  bool is_string = false;
  // Lists and maps written on one line ({104: 500}) when read back out as YAML.
  bool flow = false;
  int line = 0;  // 1-based; 0 when the source has no positions
  int column = 0;
  std::vector<TreeNode> items;     // list
  std::vector<TreeEntry> entries;  // map, in file order

  static TreeNode string(std::string value);
  static TreeNode number(double value);
  static TreeNode integer(long long value);
  static TreeNode boolean(bool value);
  static TreeNode list(bool flow = false);
  static TreeNode map(bool flow = false);
  TreeNode& add(std::string key, TreeNode value);  // map: appends an entry
};

struct TreeEntry {
  std::string key;
  TreeNode value;
  int line = 0;
  int column = 0;
};

// Nesting deeper than this is rejected before it can exhaust the stack.
inline constexpr int kMaxDepth = 64;
// Input larger than this is rejected before parsing.
inline constexpr std::size_t kMaxInputBytes = 5 * 1024 * 1024;
// A plan with more nodes (keys, scalars, lists and maps, each counted once) is refused: in
// YAML while its tree is built, in JSON before (find_json_input_fault). A real plan holds a few
// thousand (the shipped one, the largest, 5,453), while 5 MB of `- a` lines are 1.3 million and
// took 293 MB as a tree; 200,000 leaves real plans a margin of over 30 times and bounds the tree to
// some tens of megabytes.
inline constexpr int kMaxNodes = 200'000;

}  // namespace planscore::planfile
