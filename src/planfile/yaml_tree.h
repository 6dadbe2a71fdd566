#pragma once
// YAML text ↔ DocumentTree. Parsing refuses what a plan file never needs and an attacker
// could abuse (anchors/aliases, several documents, deep nesting, huge input); writing
// produces the canonical layout: block maps and lists, literal blocks for long text.
#include <optional>
#include <string>
#include <string_view>

#include "core/problem.h"
#include "planfile/document_tree.h"

namespace planscore::planfile {

// The most tokens one flow collection ([…] or {…}, nested ones included) may hold, and the
// most yaml-cpp may be made to hold at once elsewhere (yaml_depth_scan.h): yaml-cpp keeps a
// flow collection's tokens in memory whole before its parser reads one, about 90 bytes
// each (5 MB of `[a,a,…]` took a gigabyte). 200,000 are 100,000 list entries or 50,000
// `key: value` pairs; the shipped plan written wholly in flow style (as JSON) is about
// 11,000, and a plan's own flow collections are year maps of a few entries.
inline constexpr int kMaxYamlTokens = 200'000;

std::optional<TreeNode> parse_yaml_tree(std::string_view text, core::Problems& problems);
std::string write_yaml_tree(const TreeNode& root);

}  // namespace planscore::planfile
