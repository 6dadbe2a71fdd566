#include "planfile/document_tree.h"

#include <utility>

#include "planfile/number_text.h"

namespace planscore::planfile {

TreeNode TreeNode::string(std::string value) {
  TreeNode node;
  node.kind = Kind::scalar;
  node.text = std::move(value);
  node.is_string = true;
  return node;
}

TreeNode TreeNode::number(double value) {
  TreeNode node;
  node.kind = Kind::scalar;
  node.text = format_number(value);
  return node;
}

TreeNode TreeNode::integer(long long value) {
  TreeNode node;
  node.kind = Kind::scalar;
  node.text = std::to_string(value);
  return node;
}

TreeNode TreeNode::boolean(bool value) {
  TreeNode node;
  node.kind = Kind::scalar;
  node.text = value ? "true" : "false";
  return node;
}

TreeNode TreeNode::list(bool flow) {
  TreeNode node;
  node.kind = Kind::list;
  node.flow = flow;
  return node;
}

TreeNode TreeNode::map(bool flow) {
  TreeNode node;
  node.kind = Kind::map;
  node.flow = flow;
  return node;
}

TreeNode& TreeNode::add(std::string key, TreeNode value) {
  entries.push_back(TreeEntry{std::move(key), std::move(value), 0, 0});
  return entries.back().value;
}

}  // namespace planscore::planfile
