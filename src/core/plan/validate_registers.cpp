#include "core/plan/validate_registers.h"

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "core/plan/validate_support.h"
#include "core/register/record.h"

namespace planscore::core {
namespace {

using validation::at;
using validation::is_identifier;

class RegisterValidator {
 public:
  explicit RegisterValidator(const Plan& plan) : plan_(plan) {}

  Problems run() {
    check_registers();
    return std::move(problems_);
  }

 private:
  void add(std::string path, std::string message) {
    problems_.push_back({std::move(path), std::move(message)});
  }

  void check_owner(const std::string& path, const std::string& owner) {
    if (auto problem = validation::owner_problem(plan_, owner)) add(path, *problem);
  }

  void check_registers() {
    std::set<std::string> seen;
    std::vector<std::string> section_ids;  // what a section field's default may name
    for (const auto& section : plan_.sections) section_ids.push_back(section.id);
    for (std::size_t i = 0; i < plan_.registers.size(); ++i) {
      const auto& reg = plan_.registers[i];
      const auto path = at("", "registers", i);
      if (!is_identifier(reg.id))
        add(at(path, "id"), "register id \"" + reg.id +
                                "\" must start with a-z and use only a-z, 0-9 and _ (at most 48)");
      if (!seen.insert(reg.id).second)
        add(at(path, "id"), "register id \"" + reg.id + "\" is used twice");
      if (reg.name.empty()) add(at(path, "name"), "the register needs a name");
      check_owner(at(path, "owner_section"), reg.owner_section);
      if (reg.fields.empty()) add(at(path, "fields"), "the register has no fields");
      std::set<std::string> field_ids;
      for (std::size_t f = 0; f < reg.fields.size(); ++f) {
        const auto& field = reg.fields[f];
        const auto field_path = at(path, "fields", f);
        if (!is_identifier(field.id))
          add(at(field_path, "id"),
              "field id \"" + field.id +
                  "\" must start with a-z and use only a-z, 0-9 and _ (at most 48)");
        if (!field_ids.insert(field.id).second)
          add(at(field_path, "id"), "field id \"" + field.id + "\" is used twice");
        if (field.name.empty()) add(at(field_path, "name"), "the field needs a display name");
        if (field.type == FieldType::choice) {
          std::set<std::string> choices(field.choices.begin(), field.choices.end());
          if (field.choices.empty())
            add(at(field_path, "choices"), "a choice field needs its list of allowed values");
          else if (choices.size() != field.choices.size())
            add(at(field_path, "choices"), "a choice is listed twice");
        } else if (!field.choices.empty()) {
          add(at(field_path, "choices"), "only a choice field has choices");
        }
        check_stage_field(field, field_path);
        check_bounds(field, field_path);
        if (auto problem = default_value_problem(reg, field, section_ids))
          add(at(field_path, "default"), *problem);
      }
      check_time_basis(reg, path);
    }
  }

  // A stage field records the stages of one milestone indicator of the plan.
  void check_stage_field(const FieldDef& field, const std::string& field_path) {
    if (field.type != FieldType::stage) {
      if (!field.stages_of.empty())
        add(at(field_path, "indicator"), "only a stage field names an indicator");
      return;
    }
    const Indicator* indicator =
        field.stages_of.empty() ? nullptr : plan_.find_indicator(field.stages_of);
    if (!indicator || indicator->kind != IndicatorKind::milestone || indicator->stages.empty())
      add(at(field_path, "indicator"),
          "a stage field needs `indicator`: the id of a milestone indicator with stages" +
              (field.stages_of.empty() ? std::string()
                                       : " (\"" + field.stages_of + "\" is not one)"));
    else if (field.stages != indicator->stages)
      add(at(field_path, "indicator"),
          "the field's stages differ from those of indicator \"" + field.stages_of + "\"");
  }

  // A field's `min` and `max` narrow the default bound of record.h; they may not widen
  // it, since that bound is what keeps a register's sums inside int64.
  void check_bounds(const FieldDef& field, const std::string& field_path) {
    const auto text = [](double value) { return to_text(FieldValue{value}); };
    const bool numeric = is_numeric(field.type);
    for (const auto& [key, bound] :
         {std::pair{"min", field.minimum}, std::pair{"max", field.maximum}}) {
      if (!bound) continue;
      const std::string name = key;
      if (!numeric)
        add(at(field_path, name), "only an integer or decimal field has a " + name);
      else if (std::fabs(*bound) > kMaxFieldMagnitude)
        add(at(field_path, name), name + " " + text(*bound) + " is outside " +
                                      text(-kMaxFieldMagnitude) + " to " +
                                      text(kMaxFieldMagnitude) + ", what any number field takes");
      else if (field.type == FieldType::integer && std::trunc(*bound) != *bound)
        add(at(field_path, name), name + " " + text(*bound) +
                                      " is not a whole number, but the field is an integer field");
    }
    if (numeric && field.minimum && field.maximum && *field.minimum > *field.maximum)
      add(at(field_path, "min"),
          "min " + text(*field.minimum) + " is more than max " + text(*field.maximum));
  }

  void check_time_basis(const RegisterDef& reg, const std::string& path) {
    const FieldDef* time = reg.find_field(reg.time_field);
    const auto time_path = at(path, "time_field");
    if (!time) {
      add(time_path, "the time field \"" + reg.time_field + "\" is not a field of the register");
      return;
    }
    const bool wants_year = reg.time_basis == TimeBasis::year;
    if (wants_year && time->type != FieldType::integer)
      add(time_path, "a year register's time field \"" + time->id +
                         "\" must be an integer field (the ROC year)");
    if (!wants_year && time->type != FieldType::date)
      add(time_path, "the time field \"" + time->id + "\" must be a date field");
    if (!time->required) add(time_path, "the time field \"" + time->id + "\" must be required");
    const bool has_end =
        reg.time_basis == TimeBasis::interval || reg.time_basis == TimeBasis::period;
    // A period register may do without an end field: then every record is one day.
    if (reg.time_basis == TimeBasis::period && reg.end_field.empty()) return;
    if (has_end) {
      const FieldDef* end = reg.find_field(reg.end_field);
      if (!end)
        add(at(path, "end_field"),
            std::string(reg.time_basis == TimeBasis::interval ? "an interval" : "a period") +
                " register needs an end field; \"" + reg.end_field +
                "\" is not a field of the register");
      else if (end->type != FieldType::date || end->required)
        add(at(path, "end_field"),
            "the end field \"" + end->id + "\" must be an optional date field");
    } else if (!reg.end_field.empty()) {
      add(at(path, "end_field"), "only an interval or period register has an end field");
    }
  }

  const Plan& plan_;
  Problems problems_;
};

}  // namespace

Problems validate_registers(const Plan& plan) {
  return RegisterValidator(plan).run();
}

}  // namespace planscore::core
