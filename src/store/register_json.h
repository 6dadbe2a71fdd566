#pragma once
// A RegisterDef as the JSON kept in the registers table, so the store can compare a
// plan's registers with the tables it already made without re-reading the plan.
#include <string>

#include "core/register/register.h"

namespace planscore::store {

std::string register_to_json(const core::RegisterDef& register_def);
// Throws StoreError when the text is not a stored definition.
core::RegisterDef register_from_json(const std::string& json_text);

}  // namespace planscore::store
