#pragma once
// Table and column names built from plan identifiers. Plan validation already restricts
// identifiers to [a-z][a-z0-9_]*, but the store re-checks every one before it reaches
// SQL text: a plan file is outside input, and identifiers cannot be bound parameters.
#include <string>
#include <string_view>

#include "core/register/register.h"

namespace planscore::store {

// True for [a-z][a-z0-9_]* (at most 47 characters, so derived index names stay within
// PostgreSQL's 63-character identifier limit).
bool is_safe_identifier(std::string_view identifier);

// "reg_<register id>" / "f_<field id>"; throw StoreError for an unsafe identifier.
std::string table_name(std::string_view register_id);
std::string column_name(std::string_view field_id);

// The column of one of the register's fields; throws StoreError when the register has no
// such field (callers check field ids first, so this guards against their mistakes).
std::string field_column(const core::RegisterDef& register_def, std::string_view field_id);

}  // namespace planscore::store
