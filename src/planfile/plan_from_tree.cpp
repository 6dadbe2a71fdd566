#include <algorithm>
#include <string>

#include "planfile/no_value_scoring_names.h"
#include "planfile/plan_tree.h"
#include "planfile/tree_reader.h"

namespace planscore::planfile {
namespace {

using core::Plan;

class PlanReader {
 public:
  explicit PlanReader(TreeReader& reader) : reader_(reader) {}

  void plan(const TreeNode& node, Plan& plan) {
    MapReader map(reader_, node, "",
                  {"id", "name", "agency", "issued", "money_unit", "first_year", "last_year",
                   "sections", "registers", "constants", "metrics", "dimensions", "budget",
                   "budget_note", "policy", "separation_of_duties", "chapters"},
                  {"id", "name", "first_year", "last_year"});
    map.text("id", plan.id);
    map.text("name", plan.name);
    map.text("agency", plan.agency);
    map.text("issued", plan.issued);
    map.text("money_unit", plan.money_unit);
    map.integer("first_year", plan.first_year);
    map.integer("last_year", plan.last_year);
    map.list<core::Section>("sections", plan.sections, bind(&PlanReader::section));
    map.list<core::RegisterDef>("registers", plan.registers, bind(&PlanReader::register_def));
    map.list<core::Constant>("constants", plan.constants, bind(&PlanReader::constant));
    map.list<core::Metric>("metrics", plan.metrics, bind(&PlanReader::metric));
    map.list<core::Dimension>("dimensions", plan.dimensions, bind(&PlanReader::dimension));
    map.list<core::BudgetLine>("budget", plan.budget, bind(&PlanReader::budget_line));
    map.text("budget_note", plan.budget_note);
    if (const TreeNode* policy = map.find("policy")) this->policy(*policy, plan.policy);
    map.boolean("separation_of_duties", plan.separation_of_duties);
    map.list<core::Chapter>("chapters", plan.chapters, bind(&PlanReader::chapter));
  }

 private:
  TreeReader& reader_;

  template <typename Item>
  std::function<void(const TreeNode&, const std::string&, Item&)> bind(
      void (PlanReader::*read)(const TreeNode&, const std::string&, Item&)) {
    return [this, read](const TreeNode& node, const std::string& path, Item& item) {
      (this->*read)(node, path, item);
    };
  }

  void section(const TreeNode& node, const std::string& path, core::Section& section) {
    MapReader map(reader_, node, path, {"id", "name", "duties", "budget_share"}, {"id", "name"});
    map.text("id", section.id);
    map.text("name", section.name);
    map.text("duties", section.duties);
    map.year_map("budget_share", section.budget_share);
  }

  void register_def(const TreeNode& node, const std::string& path, core::RegisterDef& def) {
    MapReader map(reader_, node, path,
                  {"id", "name", "description", "owner_section", "time_basis", "time_field",
                   "end_field", "fields"},
                  {"id", "name"});
    map.text("id", def.id);
    map.text("name", def.name);
    map.text("description", def.description);
    map.text("owner_section", def.owner_section);
    map.enumeration("time_basis", def.time_basis, core::time_basis_from_string,
                    {"date", "year", "interval", "period"});
    map.text("time_field", def.time_field);
    map.text("end_field", def.end_field);
    map.list<core::FieldDef>("fields", def.fields, bind(&PlanReader::field));
  }

  void field(const TreeNode& node, const std::string& path, core::FieldDef& field) {
    MapReader map(reader_, node, path,
                  {"id", "name", "type", "required", "choices", "description", "default", "min",
                   "max", "indicator"},
                  {"id", "type"});
    map.text("id", field.id);
    map.text("name", field.name);
    map.enumeration("type", field.type, core::field_type_from_string,
                    {"text", "integer", "decimal", "date", "yes_no", "choice", "section", "stage"});
    map.boolean("required", field.required);
    map.text_list("choices", field.choices);
    map.text("description", field.description);
    // Any scalar, as written (`default: 1`, `default: 104/01/01`): the field's type decides
    // what it means, and validation checks that it parses.
    map.text("default", field.default_value);
    map.optional_number("min", field.minimum);
    map.optional_number("max", field.maximum);
    map.text("indicator", field.stages_of);
  }

  void constant(const TreeNode& node, const std::string& path, core::Constant& constant) {
    MapReader map(reader_, node, path, {"id", "value", "description"}, {"id", "value"});
    map.text("id", constant.id);
    // One number, or one per ROC year.
    if (const TreeNode* value = map.find("value"); value && value->kind == TreeNode::Kind::map)
      map.year_map("value", constant.by_year);
    else
      map.number("value", constant.value);
    map.text("description", constant.description);
  }

  void metric(const TreeNode& node, const std::string& path, core::Metric& metric) {
    MapReader map(reader_, node, path, {"id", "name", "section", "unit", "decimals", "formula"},
                  {"id", "formula"});
    map.text("id", metric.id);
    map.text("name", metric.name);
    map.text("section", metric.section);
    map.text("unit", metric.unit);
    map.integer("decimals", metric.decimals);
    map.text("formula", metric.formula);
  }

  void dimension(const TreeNode& node, const std::string& path, core::Dimension& dimension) {
    MapReader map(reader_, node, path, {"id", "name", "goals"}, {"id", "name"});
    map.text("id", dimension.id);
    map.text("name", dimension.name);
    map.list<core::Goal>("goals", dimension.goals, bind(&PlanReader::goal));
  }

  void goal(const TreeNode& node, const std::string& path, core::Goal& goal) {
    MapReader map(reader_, node, path,
                  {"id", "number", "name", "weight", "owner_section", "description", "action_items",
                   "indicators"},
                  {"id", "name", "weight"});
    map.text("id", goal.id);
    map.integer("number", goal.number);
    map.text("name", goal.name);
    map.number("weight", goal.weight);
    map.text("owner_section", goal.owner_section);
    map.text("description", goal.description);
    map.list<core::ActionItem>("action_items", goal.action_items, bind(&PlanReader::action));
    map.list<core::Indicator>("indicators", goal.indicators, bind(&PlanReader::indicator));
  }

  void action(const TreeNode& node, const std::string& path, core::ActionItem& item) {
    MapReader map(reader_, node, path, {"text", "details"}, {"text"});
    map.text("text", item.text);
    map.text_list("details", item.details);
  }

  void indicator(const TreeNode& node, const std::string& path, core::Indicator& indicator) {
    MapReader map(
        reader_, node, path,
        {"id", "number", "name", "weight", "kind", "unit", "decimals", "framework", "method",
         "standard", "owner_section", "baseline", "targets", "stages", "formula"},
        {"id", "name", "weight", "kind"});
    map.text("id", indicator.id);
    map.integer("number", indicator.number);
    map.text("name", indicator.name);
    map.number("weight", indicator.weight);
    map.enumeration("kind", indicator.kind, core::indicator_kind_from_string,
                    {"higher_is_better", "lower_is_better", "yes_no", "milestone"});
    map.text("unit", indicator.unit);
    map.integer("decimals", indicator.decimals);
    map.integer("framework", indicator.framework);
    map.text("method", indicator.method);
    map.text("standard", indicator.standard);
    map.text("owner_section", indicator.owner_section);
    if (const TreeNode* baseline = map.find("baseline");
        baseline != nullptr && baseline->kind != TreeNode::Kind::null) {
      MapReader fields(reader_, *baseline, map.path_of("baseline"), {"value", "year", "note"},
                       {"value", "year"});
      indicator.baseline.emplace();
      fields.number("value", indicator.baseline->value);
      fields.integer("year", indicator.baseline->year);
      fields.text("note", indicator.baseline->note);
    }
    map.year_map("targets", indicator.targets);
    map.list<core::MilestoneStage>("stages", indicator.stages, bind(&PlanReader::stage));
    map.text("formula", indicator.formula);
  }

  void stage(const TreeNode& node, const std::string& path, core::MilestoneStage& stage) {
    MapReader map(reader_, node, path, {"name", "percent"}, {"name", "percent"});
    map.text("name", stage.name);
    map.number("percent", stage.percent);
  }

  void budget_line(const TreeNode& node, const std::string& path, core::BudgetLine& line) {
    MapReader map(
        reader_, node, path,
        {"number", "name", "goal", "nature", "prior", "years", "after", "note", "children"},
        {"number", "name"});
    map.text("number", line.number);
    map.text("name", line.name);
    map.text("goal", line.goal);
    map.enumeration("nature", line.nature, core::budget_nature_from_string,
                    {"public_construction", "social_development"});
    map.number("prior", line.prior);
    map.year_map("years", line.years);
    map.number("after", line.after);
    map.text("note", line.note);
    map.list<core::BudgetLine>("children", line.children, bind(&PlanReader::budget_line));
  }

  void policy(const TreeNode& node, core::EvaluationPolicy& policy) {
    if (node.kind == TreeNode::Kind::null) return;  // `policy:` alone: the default policy
    MapReader map(reader_, node, "policy",
                  {"cap", "no_value_scoring", "min_valued_share", "no_value_light", "lights"}, {});
    map.number("cap", policy.cap);
    map.enumeration("no_value_scoring", policy.no_value_scoring, no_value_scoring_from_name,
                    {"zero", "exclude"});
    map.number("min_valued_share", policy.min_valued_share);
    map.text("no_value_light", policy.no_value_light);
    map.list<core::LightCategory>("lights", policy.lights, bind(&PlanReader::light));
  }

  void light(const TreeNode& node, const std::string& path, core::LightCategory& light) {
    MapReader map(reader_, node, path, {"id", "label", "symbol", "colour", "at_least"},
                  {"id", "label"});
    map.text("id", light.id);
    map.text("label", light.label);
    map.text("symbol", light.symbol);
    map.text("colour", light.colour);
    map.optional_number("at_least", light.at_least);
  }

  void chapter(const TreeNode& node, const std::string& path, core::Chapter& chapter) {
    MapReader map(reader_, node, path, {"heading", "generated", "text", "children"}, {"heading"});
    map.text("heading", chapter.heading);
    if (const TreeNode* generated = map.find("generated")) {
      std::string name;
      const auto generated_path = map.path_of("generated");
      if (reader_.read_text(*generated, generated_path, name)) {
        if (name.empty() || core::is_generated_chapter_kind(name)) {
          chapter.generated = name;
        } else {
          reader_.problem(generated_path, *generated,
                          "`" + name + "` is not allowed here; use one of: " +
                              core::generated_chapter_kinds_list());
        }
      }
    }
    map.text("text", chapter.text);
    map.list<core::Chapter>("children", chapter.children, bind(&PlanReader::chapter));
  }
};

}  // namespace

std::optional<core::Plan> plan_from_tree(const TreeNode& root, core::Problems& problems,
                                         bool ignore_computed_keys) {
  const std::size_t problems_before = problems.size();
  TreeReader reader(problems, ignore_computed_keys);
  core::Plan plan;
  PlanReader(reader).plan(root, plan);
  if (problems.size() != problems_before) return std::nullopt;
  // A stage field offers its indicator's stages (validation says when there are none).
  for (auto& register_def : plan.registers)
    for (auto& field : register_def.fields)
      if (const auto* indicator = plan.find_indicator(field.stages_of))
        field.stages = indicator->stages;
  return plan;
}

}  // namespace planscore::planfile
