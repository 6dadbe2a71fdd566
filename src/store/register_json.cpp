#include "store/register_json.h"

#include <nlohmann/json.hpp>

#include "planfile/register_json_value.h"
#include "store/store.h"

namespace planscore::store {

std::string register_to_json(const core::RegisterDef& register_def) {
  return planfile::register_to_json_value(register_def).dump();
}

core::RegisterDef register_from_json(const std::string& json_text) {
  try {
    const nlohmann::json document = nlohmann::json::parse(json_text);
    core::RegisterDef register_def;
    register_def.id = document.at("id").get<std::string>();
    register_def.name = document.at("name").get<std::string>();
    register_def.description = document.at("description").get<std::string>();
    register_def.owner_section = document.at("owner_section").get<std::string>();
    const auto basis = core::time_basis_from_string(document.at("time_basis").get<std::string>());
    if (!basis) throw StoreError("unknown time basis");
    register_def.time_basis = *basis;
    register_def.time_field = document.at("time_field").get<std::string>();
    register_def.end_field = document.at("end_field").get<std::string>();
    for (const nlohmann::json& item : document.at("fields")) {
      core::FieldDef field;
      field.id = item.at("id").get<std::string>();
      field.name = item.at("name").get<std::string>();
      const auto type = core::field_type_from_string(item.at("type").get<std::string>());
      if (!type) throw StoreError("unknown field type");
      field.type = *type;
      field.required = item.at("required").get<bool>();
      // A stage field lists its stages' names as choices; they come from "stages" here.
      if (field.type != core::FieldType::stage)
        field.choices = item.at("choices").get<std::vector<std::string>>();
      field.description = item.at("description").get<std::string>();
      // Absent in definitions stored before fields had defaults.
      field.default_value = item.value("default", std::string{});
      // Absent unless the plan gives them.
      if (item.contains("min")) field.minimum = item.at("min").get<double>();
      if (item.contains("max")) field.maximum = item.at("max").get<double>();
      if (field.type == core::FieldType::stage) {
        field.stages_of = item.at("indicator").get<std::string>();
        for (const nlohmann::json& stage : item.at("stages"))
          field.stages.push_back(
              {stage.at("name").get<std::string>(), stage.at("percent").get<double>()});
      }
      register_def.fields.push_back(std::move(field));
    }
    return register_def;
  } catch (const std::exception& error) {
    throw StoreError(std::string("stored register definition is unreadable: ") + error.what());
  }
}

}  // namespace planscore::store
