#include "core/register/register.h"

#include <array>
#include <utility>

namespace planscore::core {
namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 7> kFieldTypeNames{{
    {FieldType::text, "text"},
    {FieldType::integer, "integer"},
    {FieldType::decimal, "decimal"},
    {FieldType::date, "date"},
    {FieldType::yes_no, "yes_no"},
    {FieldType::choice, "choice"},
    {FieldType::section, "section"},
}};

constexpr std::array<std::pair<TimeBasis, std::string_view>, 3> kTimeBasisNames{{
    {TimeBasis::date, "date"},
    {TimeBasis::year, "year"},
    {TimeBasis::interval, "interval"},
}};

}  // namespace

std::string_view to_string(FieldType type) {
  for (const auto& [value, name] : kFieldTypeNames)
    if (value == type) return name;
  return "text";
}

std::optional<FieldType> field_type_from_string(std::string_view text) {
  for (const auto& [value, name] : kFieldTypeNames)
    if (name == text) return value;
  return std::nullopt;
}

bool is_numeric(FieldType type) {
  return type == FieldType::integer || type == FieldType::decimal;
}

std::string_view to_string(TimeBasis basis) {
  for (const auto& [value, name] : kTimeBasisNames)
    if (value == basis) return name;
  return "date";
}

std::optional<TimeBasis> time_basis_from_string(std::string_view text) {
  for (const auto& [value, name] : kTimeBasisNames)
    if (name == text) return value;
  return std::nullopt;
}

const FieldDef* RegisterDef::find_field(std::string_view field_id) const {
  for (const auto& field : fields)
    if (field.id == field_id) return &field;
  return nullptr;
}

}  // namespace planscore::core
