#include "core/register/register.h"

#include "core/enum_names.h"

namespace planscore::core {
namespace {

constexpr EnumNames<FieldType, 8> kFieldTypeNames{{
    {FieldType::text, "text"},
    {FieldType::integer, "integer"},
    {FieldType::decimal, "decimal"},
    {FieldType::date, "date"},
    {FieldType::yes_no, "yes_no"},
    {FieldType::choice, "choice"},
    {FieldType::section, "section"},
    {FieldType::stage, "stage"},
}};

constexpr EnumNames<TimeBasis, 4> kTimeBasisNames{{
    {TimeBasis::date, "date"},
    {TimeBasis::year, "year"},
    {TimeBasis::interval, "interval"},
    {TimeBasis::period, "period"},
}};

}  // namespace

std::string_view to_string(FieldType type) {
  return name_of(kFieldTypeNames, type);
}
std::optional<FieldType> field_type_from_string(std::string_view text) {
  return value_of(kFieldTypeNames, text);
}

bool is_numeric(FieldType type) {
  return type == FieldType::integer || type == FieldType::decimal;
}

bool is_textual(FieldType type) {
  return type == FieldType::text || type == FieldType::choice || type == FieldType::section;
}

bool holds_number(FieldType type) {
  return is_numeric(type) || type == FieldType::yes_no || type == FieldType::stage;
}

std::string_view to_string(TimeBasis basis) {
  return name_of(kTimeBasisNames, basis);
}
std::optional<TimeBasis> time_basis_from_string(std::string_view text) {
  return value_of(kTimeBasisNames, text);
}

const FieldDef* RegisterDef::find_field(std::string_view field_id) const {
  for (const auto& field : fields)
    if (field.id == field_id) return &field;
  return nullptr;
}

}  // namespace planscore::core
