#include <cmath>
#include <string>
#include <utility>

#include "planfile/no_value_scoring_names.h"
#include "planfile/number_text.h"
#include "planfile/plan_tree.h"

namespace planscore::planfile {
namespace {

// A field's default is text to the plan, but planners write `default: 1`, not
// `default: "1"`. Text that reads back unchanged from a bare YAML scalar and from a JSON
// number or boolean is written bare ("007", "1.50", "-0" would not, so they stay strings).
TreeNode default_node(const std::string& text) {
  TreeNode node = TreeNode::string(text);
  const auto number = parse_number(text);
  bool bare = text == "true" || text == "false";
  if (number && std::trunc(*number) == *number)
    bare = std::fabs(*number) < 9007199254740992.0 &&
           std::to_string(static_cast<long long>(*number)) == text;
  else if (number)
    bare = format_number(*number) == text;
  node.is_string = !bare;
  return node;
}

class TreeWriter {
 public:
  explicit TreeWriter(TreeDetail detail) : complete_(detail == TreeDetail::complete) {}

  TreeNode plan(const core::Plan& plan) const {
    TreeNode node = TreeNode::map();
    text(node, "id", plan.id, true);
    text(node, "name", plan.name, true);
    text(node, "agency", plan.agency);
    text(node, "issued", plan.issued);
    text(node, "money_unit", plan.money_unit, true);
    node.add("first_year", TreeNode::integer(plan.first_year));
    node.add("last_year", TreeNode::integer(plan.last_year));
    list(node, "sections", plan.sections, [this](const auto& s) { return section(s); });
    list(node, "registers", plan.registers, [this](const auto& r) { return register_def(r); });
    list(node, "constants", plan.constants, [this](const auto& c) { return constant(c); });
    list(node, "metrics", plan.metrics, [this](const auto& m) { return metric(m); });
    list(node, "dimensions", plan.dimensions, [this](const auto& d) { return dimension(d); });
    list(node, "budget", plan.budget, [this](const auto& b) { return budget_line(b); });
    text(node, "budget_note", plan.budget_note);
    node.add("policy", policy(plan.policy));
    if (!plan.separation_of_duties)  // on unless a plan turns it off
      node.add("separation_of_duties", TreeNode::boolean(false));
    list(node, "chapters", plan.chapters, [this](const auto& c) { return chapter(c); });
    return node;
  }

 private:
  bool complete_;

  void text(TreeNode& node, const char* key, const std::string& value, bool always = false) const {
    if (always || complete_ || !value.empty()) node.add(key, TreeNode::string(value));
  }

  // Absent is left out, or written as null for programs.
  void optional_number(TreeNode& node, const char* key, std::optional<double> value) const {
    if (value)
      node.add(key, TreeNode::number(*value));
    else if (complete_)
      node.add(key, TreeNode());
  }

  template <typename Item, typename Convert>
  void list(TreeNode& node, const char* key, const std::vector<Item>& items,
            Convert convert) const {
    if (items.empty() && !complete_) return;
    TreeNode& out = node.add(key, TreeNode::list());
    for (const auto& item : items) out.items.push_back(convert(item));
  }

  void years(TreeNode& node, const char* key, const std::map<int, double>& values) const {
    if (values.empty() && !complete_) return;
    TreeNode& out = node.add(key, TreeNode::map(true));
    for (const auto& [year, value] : values) out.add(std::to_string(year), TreeNode::number(value));
  }

  TreeNode section(const core::Section& section) const {
    TreeNode node = TreeNode::map();
    text(node, "id", section.id, true);
    text(node, "name", section.name, true);
    text(node, "duties", section.duties);
    years(node, "budget_share", section.budget_share);
    return node;
  }

  TreeNode register_def(const core::RegisterDef& def) const {
    TreeNode node = TreeNode::map();
    text(node, "id", def.id, true);
    text(node, "name", def.name, true);
    text(node, "description", def.description);
    text(node, "owner_section", def.owner_section);
    node.add("time_basis", TreeNode::string(std::string(core::to_string(def.time_basis))));
    text(node, "time_field", def.time_field);
    text(node, "end_field", def.end_field);
    list(node, "fields", def.fields, [this](const auto& f) { return field(f); });
    return node;
  }

  TreeNode field(const core::FieldDef& field) const {
    TreeNode node = TreeNode::map();
    text(node, "id", field.id, true);
    text(node, "name", field.name, true);
    node.add("type", TreeNode::string(std::string(core::to_string(field.type))));
    node.add("required", TreeNode::boolean(field.required));
    if (complete_ || !field.choices.empty()) {
      TreeNode& choices = node.add("choices", TreeNode::list(true));
      for (const auto& choice : field.choices) choices.items.push_back(TreeNode::string(choice));
    }
    text(node, "description", field.description);
    if (complete_ || !field.default_value.empty())
      node.add("default", default_node(field.default_value));
    optional_number(node, "min", field.minimum);
    optional_number(node, "max", field.maximum);
    if (!field.stages_of.empty()) text(node, "indicator", field.stages_of, true);
    return node;
  }

  TreeNode constant(const core::Constant& constant) const {
    TreeNode node = TreeNode::map();
    text(node, "id", constant.id, true);
    if (constant.by_year.empty())
      node.add("value", TreeNode::number(constant.value));
    else
      years(node, "value", constant.by_year);
    text(node, "description", constant.description);
    return node;
  }

  TreeNode metric(const core::Metric& metric) const {
    TreeNode node = TreeNode::map();
    text(node, "id", metric.id, true);
    text(node, "name", metric.name, true);
    text(node, "section", metric.section);
    text(node, "unit", metric.unit);
    node.add("decimals", TreeNode::integer(metric.decimals));
    text(node, "formula", metric.formula, true);
    return node;
  }

  TreeNode dimension(const core::Dimension& dimension) const {
    TreeNode node = TreeNode::map();
    text(node, "id", dimension.id, true);
    text(node, "name", dimension.name, true);
    list(node, "goals", dimension.goals, [this](const auto& g) { return goal(g); });
    return node;
  }

  TreeNode goal(const core::Goal& goal) const {
    TreeNode node = TreeNode::map();
    text(node, "id", goal.id, true);
    node.add("number", TreeNode::integer(goal.number));
    text(node, "name", goal.name, true);
    node.add("weight", TreeNode::number(goal.weight));
    text(node, "owner_section", goal.owner_section);
    text(node, "description", goal.description);
    list(node, "action_items", goal.action_items, [this](const auto& a) { return action(a); });
    list(node, "indicators", goal.indicators, [this](const auto& i) { return indicator(i); });
    return node;
  }

  TreeNode action(const core::ActionItem& item) const {
    TreeNode node = TreeNode::map();
    text(node, "text", item.text, true);
    if (complete_ || !item.details.empty()) {
      TreeNode& details = node.add("details", TreeNode::list());
      for (const auto& detail : item.details) details.items.push_back(TreeNode::string(detail));
    }
    return node;
  }

  TreeNode indicator(const core::Indicator& indicator) const {
    TreeNode node = TreeNode::map();
    text(node, "id", indicator.id, true);
    node.add("number", TreeNode::integer(indicator.number));
    text(node, "name", indicator.name, true);
    node.add("weight", TreeNode::number(indicator.weight));
    node.add("kind", TreeNode::string(std::string(core::to_string(indicator.kind))));
    text(node, "unit", indicator.unit, true);
    node.add("decimals", TreeNode::integer(indicator.decimals));
    node.add("framework", TreeNode::integer(indicator.framework));
    text(node, "method", indicator.method);
    text(node, "standard", indicator.standard);
    text(node, "owner_section", indicator.owner_section);
    if (indicator.baseline) {
      const auto& baseline = *indicator.baseline;
      TreeNode& out = node.add("baseline", TreeNode::map(baseline.note.empty()));
      out.add("value", TreeNode::number(baseline.value));
      out.add("year", TreeNode::integer(baseline.year));
      text(out, "note", baseline.note);
    } else if (complete_) {
      node.add("baseline", TreeNode());
    }
    years(node, "targets", indicator.targets);
    list(node, "stages", indicator.stages, [](const core::MilestoneStage& stage) {
      TreeNode out = TreeNode::map(true);
      out.add("name", TreeNode::string(stage.name));
      out.add("percent", TreeNode::number(stage.percent));
      return out;
    });
    text(node, "formula", indicator.formula);
    return node;
  }

  TreeNode budget_line(const core::BudgetLine& line) const {
    TreeNode node = TreeNode::map();
    text(node, "number", line.number, true);
    text(node, "name", line.name, true);
    text(node, "goal", line.goal);
    node.add("nature", TreeNode::string(std::string(core::to_string(line.nature))));
    if (complete_ || line.prior != 0) node.add("prior", TreeNode::number(line.prior));
    years(node, "years", line.years);
    if (complete_ || line.after != 0) node.add("after", TreeNode::number(line.after));
    text(node, "note", line.note);
    list(node, "children", line.children, [this](const auto& c) { return budget_line(c); });
    return node;
  }

  TreeNode policy(const core::EvaluationPolicy& policy) const {
    TreeNode node = TreeNode::map();
    node.add("cap", TreeNode::number(policy.cap));
    node.add("no_value_scoring",
             TreeNode::string(std::string(no_value_scoring_name(policy.no_value_scoring))));
    // Only `exclude` reads it.
    if (policy.no_value_scoring == core::NoValueScoring::exclude)
      node.add("min_valued_share", TreeNode::number(policy.min_valued_share));
    node.add("no_value_light", TreeNode::string(policy.no_value_light));
    TreeNode& lights = node.add("lights", TreeNode::list());
    for (const auto& light : policy.lights) {
      TreeNode out = TreeNode::map(true);
      out.add("id", TreeNode::string(light.id));
      out.add("label", TreeNode::string(light.label));
      out.add("symbol", TreeNode::string(light.symbol));
      out.add("colour", TreeNode::string(light.colour));
      optional_number(out, "at_least", light.at_least);
      lights.items.push_back(std::move(out));
    }
    return node;
  }

  TreeNode chapter(const core::Chapter& chapter) const {
    TreeNode node = TreeNode::map();
    text(node, "heading", chapter.heading, true);
    text(node, "generated", chapter.generated);
    text(node, "text", chapter.text);
    list(node, "children", chapter.children, [this](const auto& c) { return this->chapter(c); });
    return node;
  }
};

}  // namespace

TreeNode plan_to_tree(const core::Plan& plan, TreeDetail detail) {
  return TreeWriter(detail).plan(plan);
}

}  // namespace planscore::planfile
