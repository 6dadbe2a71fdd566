#include "store/register_schema.h"

#include <set>

#include "store/identifiers.h"

namespace planscore::store {
namespace {

std::string register_path(const core::RegisterDef& register_def) {
  return "registers." + register_def.id;
}

std::string field_path(const core::RegisterDef& register_def, const std::string& field_id) {
  return register_path(register_def) + ".fields." + field_id;
}

void check_time_field(const core::RegisterDef& wanted, const std::string& field_id,
                      core::FieldType expected, const std::string& role, core::Problems& problems) {
  const core::FieldDef* field = wanted.find_field(field_id);
  if (field == nullptr) {
    problems.push_back({register_path(wanted), role + " '" + field_id + "' is not a field"});
  } else if (field->type != expected) {
    problems.push_back({field_path(wanted, field_id),
                        role + " must be a " + std::string(core::to_string(expected)) + " field"});
  }
}

// Field columns are all "f_" prefixed, so this name cannot collide with one.
std::string version_column_definition(const Dialect& dialect) {
  return "version " + dialect.integer_type + " NOT NULL DEFAULT 1";
}

}  // namespace

core::Problems check_register_for_storage(const core::RegisterDef& wanted) {
  core::Problems problems;
  if (!is_safe_identifier(wanted.id)) {
    problems.push_back(
        {register_path(wanted), "register id must match [a-z][a-z0-9_]* (at most 47 characters)"});
    return problems;
  }
  std::set<std::string> seen;
  for (const core::FieldDef& field : wanted.fields) {
    if (!is_safe_identifier(field.id)) {
      problems.push_back({field_path(wanted, field.id),
                          "field id must match [a-z][a-z0-9_]* (at most 47 characters)"});
    } else if (!seen.insert(field.id).second) {
      problems.push_back({field_path(wanted, field.id), "field id appears twice"});
    }
  }
  switch (wanted.time_basis) {
    case core::TimeBasis::date:
      check_time_field(wanted, wanted.time_field, core::FieldType::date, "time field", problems);
      break;
    case core::TimeBasis::year:
      check_time_field(wanted, wanted.time_field, core::FieldType::integer, "time field", problems);
      break;
    case core::TimeBasis::interval:
    case core::TimeBasis::period:
      check_time_field(wanted, wanted.time_field, core::FieldType::date, "start field", problems);
      if (!wanted.end_field.empty()) {
        check_time_field(wanted, wanted.end_field, core::FieldType::date, "end field", problems);
      }
      break;
  }
  return problems;
}

SchemaChange diff_register(const core::RegisterDef& stored, const core::RegisterDef& wanted) {
  SchemaChange change;
  for (const core::FieldDef& old_field : stored.fields) {
    const core::FieldDef* new_field = wanted.find_field(old_field.id);
    if (new_field == nullptr) {
      change.incompatible.push_back(
          {field_path(wanted, old_field.id), "field was removed but the register holds records"});
    } else if (new_field->type != old_field.type) {
      change.incompatible.push_back(
          {field_path(wanted, old_field.id),
           "field type changed from " + std::string(core::to_string(old_field.type)) + " to " +
               std::string(core::to_string(new_field->type)) + " but the register holds records"});
    }
  }
  for (const core::FieldDef& field : wanted.fields) {
    if (stored.find_field(field.id) == nullptr) change.added_fields.push_back(&field);
  }
  return change;
}

std::string create_table_sql(const core::RegisterDef& register_def, const Dialect& dialect) {
  std::string sql = "CREATE TABLE " + table_name(register_def.id) + " (" +
                    dialect.serial_id_column + ", " + version_column_definition(dialect);
  for (const core::FieldDef& field : register_def.fields) {
    // Columns stay nullable: required-ness is checked when records are parsed, and a
    // nullable column is what ALTER TABLE ADD COLUMN can add to a table with rows.
    sql += ", " + column_name(field.id) + " " + dialect.column_type(field.type);
  }
  return sql + ")";
}

std::string add_column_sql(const core::RegisterDef& register_def, const core::FieldDef& field,
                           const Dialect& dialect) {
  return "ALTER TABLE " + table_name(register_def.id) + " ADD COLUMN " + column_name(field.id) +
         " " + dialect.column_type(field.type);
}

std::string add_version_column_sql(const core::RegisterDef& register_def, const Dialect& dialect) {
  return "ALTER TABLE " + table_name(register_def.id) + " ADD COLUMN " +
         version_column_definition(dialect);
}

}  // namespace planscore::store
