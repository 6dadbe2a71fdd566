#pragma once
// How a register's table must change to match a plan's definition. Pure: the store
// asks the database only whether the table holds records.
#include <string>
#include <vector>

#include "core/problem.h"
#include "core/register/register.h"
#include "store/dialect.h"

namespace planscore::store {

struct SchemaChange {
  std::vector<const core::FieldDef*> added_fields;  // in `wanted`'s field order
  // Changes no ALTER can make with data in place: a field whose type changed or that
  // disappeared. Allowed only while the table is empty (it is then rebuilt).
  core::Problems incompatible;
};

// Problems with the definition itself that keep it out of SQL: unsafe identifiers, a
// time field that is missing or of the wrong type, duplicate field ids.
core::Problems check_register_for_storage(const core::RegisterDef& wanted);

SchemaChange diff_register(const core::RegisterDef& stored, const core::RegisterDef& wanted);

// A register table has the record id, the record's version (for optimistic updates) and
// one column per field.
std::string create_table_sql(const core::RegisterDef& register_def, const Dialect& dialect);
std::string add_column_sql(const core::RegisterDef& register_def, const core::FieldDef& field,
                           const Dialect& dialect);
// Adds the version column to a table made before records had versions; every existing
// record starts at version 1.
std::string add_version_column_sql(const core::RegisterDef& register_def, const Dialect& dialect);

}  // namespace planscore::store
