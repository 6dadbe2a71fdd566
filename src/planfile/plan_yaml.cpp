#include "planfile/plan_yaml.h"

#include "planfile/plan_tree.h"
#include "planfile/yaml_tree.h"

namespace planscore::planfile {

LoadResult load_yaml(std::string_view text) {
  LoadResult result;
  auto tree = parse_yaml_tree(text, result.problems);
  if (!tree) return result;
  result.plan = plan_from_tree(*tree, result.problems, false);
  return result;
}

std::string to_yaml(const core::Plan& plan) {
  return write_yaml_tree(plan_to_tree(plan, TreeDetail::concise));
}

}  // namespace planscore::planfile
