#include "core/plan/plan.h"

#include "core/enum_names.h"

namespace planscore::core {
namespace {

constexpr EnumNames<IndicatorKind, 4> kKindNames{{
    {IndicatorKind::higher_is_better, "higher_is_better"},
    {IndicatorKind::lower_is_better, "lower_is_better"},
    {IndicatorKind::yes_no, "yes_no"},
    {IndicatorKind::milestone, "milestone"},
}};

constexpr EnumNames<BudgetNature, 2> kNatureNames{{
    {BudgetNature::public_construction, "public_construction"},
    {BudgetNature::social_development, "social_development"},
}};

}  // namespace

std::string_view to_string(IndicatorKind kind) {
  return name_of(kKindNames, kind);
}
std::optional<IndicatorKind> indicator_kind_from_string(std::string_view text) {
  return value_of(kKindNames, text);
}
std::string_view to_string(BudgetNature nature) {
  return name_of(kNatureNames, nature);
}
std::optional<BudgetNature> budget_nature_from_string(std::string_view text) {
  return value_of(kNatureNames, text);
}

std::vector<int> Plan::years() const {
  std::vector<int> result;
  for (int year = first_year; year <= last_year && first_year > 0; ++year) result.push_back(year);
  return result;
}

const RegisterDef* Plan::find_register(std::string_view register_id) const {
  for (const auto& candidate : registers)
    if (candidate.id == register_id) return &candidate;
  return nullptr;
}

const Indicator* Plan::find_indicator(std::string_view indicator_id) const {
  for (const auto& dimension : dimensions)
    for (const auto& goal : dimension.goals)
      for (const auto& indicator : goal.indicators)
        if (indicator.id == indicator_id) return &indicator;
  return nullptr;
}

const Section* Plan::find_section(std::string_view section_id) const {
  for (const auto& section : sections)
    if (section.id == section_id) return &section;
  return nullptr;
}

}  // namespace planscore::core
