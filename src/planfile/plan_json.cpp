#include "planfile/plan_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/plan/budget.h"
#include "core/text/plan_number.h"
#include "planfile/json_input.h"
#include "planfile/number_text.h"
#include "planfile/plan_tree.h"
#include "planfile/text_checks.h"

namespace planscore::planfile {
namespace {

using Json = nlohmann::ordered_json;

// Whole numbers export as JSON integers so consumers see 500, not 500.0.
Json json_number(double value) {
  if (std::trunc(value) == value && std::fabs(value) < 9007199254740992.0)
    return static_cast<long long>(value);
  return value;
}

Json tree_to_json(const TreeNode& node) {
  switch (node.kind) {
    case TreeNode::Kind::null:
      return nullptr;
    case TreeNode::Kind::scalar:
      if (node.is_string) return node.text;
      if (node.text == "true" || node.text == "false") return node.text == "true";
      return json_number(parse_number(node.text).value_or(0));
    case TreeNode::Kind::list: {
      Json out = Json::array();
      for (const auto& item : node.items) out.push_back(tree_to_json(item));
      return out;
    }
    case TreeNode::Kind::map: {
      Json out = Json::object();
      for (const auto& entry : node.entries) out[entry.key] = tree_to_json(entry.value);
      return out;
    }
  }
  return nullptr;
}

Json figures_to_json(const core::BudgetFigures& figures) {
  Json years = Json::object();
  for (const auto& [year, amount] : figures.years)
    years[std::to_string(year)] = json_number(amount);
  return {{"prior", json_number(figures.prior)},
          {"years", std::move(years)},
          {"after", json_number(figures.after)},
          {"period_sum", json_number(figures.period_sum)},
          {"total", json_number(figures.total)}};
}

void add_computed_figures(Json& lines, const std::vector<core::BudgetLine>& budget,
                          const std::vector<int>& years) {
  for (std::size_t i = 0; i < budget.size(); ++i) {
    auto figures = core::budget_figures(budget[i], years);
    lines[i]["period_sum"] = json_number(figures.period_sum);
    lines[i]["total"] = json_number(figures.total);
    add_computed_figures(lines[i]["children"], budget[i].children, years);
  }
}

TreeNode json_to_tree(const nlohmann::json& value) {
  TreeNode node;
  switch (value.type()) {
    case nlohmann::json::value_t::object:
      node.kind = TreeNode::Kind::map;
      for (const auto& [key, item] : value.items())
        node.entries.push_back(TreeEntry{key, json_to_tree(item), 0, 0});
      break;
    case nlohmann::json::value_t::array:
      node.kind = TreeNode::Kind::list;
      for (const auto& item : value) node.items.push_back(json_to_tree(item));
      break;
    case nlohmann::json::value_t::string:
      node = TreeNode::string(value.get<std::string>());
      break;
    case nlohmann::json::value_t::boolean:
      node = TreeNode::boolean(value.get<bool>());
      break;
    case nlohmann::json::value_t::number_integer:
      node = TreeNode::integer(value.get<long long>());
      break;
    case nlohmann::json::value_t::number_unsigned:
      node.kind = TreeNode::Kind::scalar;
      node.text = std::to_string(value.get<unsigned long long>());
      break;
    case nlohmann::json::value_t::number_float:
      node.kind = TreeNode::Kind::scalar;
      // Non-finite values have no number text, so they are reported as not a number.
      node.text = std::isfinite(value.get<double>()) ? format_number(value.get<double>()) : "nan";
      break;
    default:
      break;
  }
  return node;
}

}  // namespace

std::string to_json(const core::Plan& plan) {
  Json out = tree_to_json(plan_to_tree(plan, TreeDetail::complete));
  add_computed_figures(out["budget"], plan.budget, plan.years());
  out["budget_total"] = figures_to_json(core::budget_total(plan));
  return out.dump(2);
}

namespace {

std::string json_fault_message(const JsonInputFault& fault) {
  switch (fault.kind) {
    case JsonInputFault::Kind::too_deep:
      return "nested deeper than " + std::to_string(kMaxDepth) + " levels";
    case JsonInputFault::Kind::duplicate_key:
      return "key `" + fault.key + "` is given twice; keep one";
    case JsonInputFault::Kind::too_many_nodes:
      return "more than " + core::format_plan_number(kMaxNodes) +
             " keys and values; a plan file holds a few thousand";
    case JsonInputFault::Kind::nul_character:
      break;  // not asked for
  }
  return "the file contains a NUL character";
}

}  // namespace

LoadResult load_json(std::string_view text) {
  LoadResult result;
  if (!check_input_text(text, result.problems)) return result;
  // Checked before the tree is built: the limit keeps json_to_tree's recursion bounded, and
  // a key given twice would otherwise vanish in the tree (the last one wins). A NUL is left
  // alone: a YAML plan may spell one ("\0"), and the plans stored as JSON must load.
  // The node limit keeps the document and the tree as small as load_yaml's (5 MB of
  // [1,1,…] took 500 MB).
  if (const auto fault = find_json_input_fault(text, {.max_depth = kMaxDepth,
                                                      .index_style = JsonIndexStyle::bracketed,
                                                      .refuse_nul = false,
                                                      .max_nodes = kMaxNodes})) {
    result.problems.push_back({fault->path, json_fault_message(*fault)});
    return result;
  }
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::exception& error) {
    result.problems.push_back({"", std::string("JSON syntax error: ") + error.what()});
    return result;
  }
  result.plan = plan_from_tree(json_to_tree(document), result.problems, true);
  return result;
}

}  // namespace planscore::planfile
