#include "core/plan/plan.h"

#include <algorithm>

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

bool is_generated_chapter_kind(std::string_view kind) {
  return std::ranges::find(kGeneratedChapterKinds, kind) != kGeneratedChapterKinds.end();
}

std::string generated_chapter_kinds_list() {
  std::string kinds;
  for (const auto kind : kGeneratedChapterKinds)
    kinds += (kinds.empty() ? "" : ", ") + std::string(kind);
  return kinds;
}

std::optional<double> Constant::value_for(int last_year) const {
  if (by_year.empty()) return value;
  const auto found = by_year.find(last_year);
  if (found == by_year.end()) return std::nullopt;
  return found->second;
}

const Section* Plan::find_section(std::string_view section_id) const {
  for (const auto& section : sections)
    if (section.id == section_id) return &section;
  return nullptr;
}

}  // namespace planscore::core
