#include "core/register/placement.h"

#include "core/calendar/roc.h"

namespace planscore::core {
namespace {

const FieldValue* value_of_field(const RegisterDef& register_def, const Record& record,
                                 const std::string& field_id) {
  for (std::size_t index = 0; index < register_def.fields.size(); ++index)
    if (register_def.fields[index].id == field_id && index < record.values.size())
      return &record.values[index];
  return nullptr;
}

std::optional<int> roc_year_of_date(const FieldValue* value) {
  if (value == nullptr) return std::nullopt;
  const auto* text = std::get_if<std::string>(value);
  if (text == nullptr) return std::nullopt;
  const auto date = parse_date(*text);
  if (!date) return std::nullopt;
  return to_roc_year(date->year);
}

}  // namespace

std::optional<YearSpan> placement(const RegisterDef& register_def, const Record& record) {
  const FieldValue* time_value = value_of_field(register_def, record, register_def.time_field);
  switch (register_def.time_basis) {
    case TimeBasis::date:
      if (auto year = roc_year_of_date(time_value)) return YearSpan{*year, *year};
      return std::nullopt;
    case TimeBasis::year:
      if (time_value == nullptr) return std::nullopt;
      if (const auto* year = std::get_if<std::int64_t>(time_value))
        return YearSpan{static_cast<int>(*year), static_cast<int>(*year)};
      return std::nullopt;
    case TimeBasis::interval: {
      auto first = roc_year_of_date(time_value);
      if (!first) return std::nullopt;
      return YearSpan{
          *first, roc_year_of_date(value_of_field(register_def, record, register_def.end_field))};
    }
    case TimeBasis::period: {
      auto first = roc_year_of_date(time_value);
      if (!first) return std::nullopt;
      const auto last =
          roc_year_of_date(value_of_field(register_def, record, register_def.end_field));
      return YearSpan{*first, last.value_or(*first)};
    }
  }
  return std::nullopt;
}

}  // namespace planscore::core
