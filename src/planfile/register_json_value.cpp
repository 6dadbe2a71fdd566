#include "planfile/register_json_value.h"

#include <variant>

namespace planscore::planfile {

nlohmann::json register_to_json_value(const core::RegisterDef& register_def) {
  nlohmann::json fields = nlohmann::json::array();
  for (const core::FieldDef& field : register_def.fields) {
    // A stage field's choices are its stages' names, which is what a person picks.
    std::vector<std::string> choices = field.choices;
    for (const auto& stage : field.stages) choices.push_back(stage.name);
    fields.push_back({{"id", field.id},
                      {"name", field.name},
                      {"type", std::string(core::to_string(field.type))},
                      {"required", field.required},
                      {"choices", choices},
                      {"description", field.description}});
    // Only when set, so definitions stored before defaults and bounds existed read back
    // unchanged.
    if (!field.default_value.empty()) fields.back()["default"] = field.default_value;
    if (field.minimum) fields.back()["min"] = *field.minimum;
    if (field.maximum) fields.back()["max"] = *field.maximum;
    if (field.type == core::FieldType::stage) {
      nlohmann::json stages = nlohmann::json::array();
      for (const auto& stage : field.stages)
        stages.push_back({{"name", stage.name}, {"percent", stage.percent}});
      fields.back()["indicator"] = field.stages_of;
      fields.back()["stages"] = stages;
    }
  }
  return {{"id", register_def.id},
          {"name", register_def.name},
          {"description", register_def.description},
          {"owner_section", register_def.owner_section},
          {"time_basis", std::string(core::to_string(register_def.time_basis))},
          {"time_field", register_def.time_field},
          {"end_field", register_def.end_field},
          {"fields", fields}};
}

nlohmann::json field_value_to_json(const core::FieldValue& value) {
  return std::visit(
      [](const auto& held) -> nlohmann::json {
        if constexpr (std::is_same_v<std::decay_t<decltype(held)>, std::monostate>)
          return nullptr;
        else
          return held;
      },
      value);
}

nlohmann::json record_values_to_json(const core::RegisterDef& register_def,
                                     const core::Record& record) {
  nlohmann::json values = nlohmann::json::object();
  for (std::size_t i = 0; i < register_def.fields.size() && i < record.values.size(); ++i) {
    const auto& field = register_def.fields[i];
    // A stage goes out by its name, as a person picked it and as it is read back.
    values[field.id] = field.type == core::FieldType::stage &&
                               !std::holds_alternative<std::monostate>(record.values[i])
                           ? nlohmann::json(core::to_text(field, record.values[i]))
                           : field_value_to_json(record.values[i]);
  }
  return values;
}

}  // namespace planscore::planfile
