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

std::optional<TreeNode> parse_yaml_tree(std::string_view text, core::Problems& problems);
std::string write_yaml_tree(const TreeNode& root);

}  // namespace planscore::planfile
