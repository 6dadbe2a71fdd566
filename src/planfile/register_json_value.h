#pragma once
// Registers and records as JSON values: one spelling for the store's saved definitions,
// the audit trail's snapshots and the API. Includes nlohmann-json: only for translation
// units that already use it.
#include <nlohmann/json.hpp>

#include "core/register/record.h"
#include "core/register/register.h"

namespace planscore::planfile {

// id, name, description, owner_section, time_basis, time_field, end_field, fields[] (id,
// name, type, required, choices, description).
nlohmann::json register_to_json_value(const core::RegisterDef& register_def);
// null, a number or a string (dates as ISO text).
nlohmann::json field_value_to_json(const core::FieldValue& value);
// {field id: value} in field order.
nlohmann::json record_values_to_json(const core::RegisterDef& register_def,
                                     const core::Record& record);

}  // namespace planscore::planfile
