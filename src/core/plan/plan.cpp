#include "core/plan/plan.h"

#include "core/enum_names.h"
#include "core/text/shortest_number.h"

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

const MilestoneStage* Indicator::stage_at(double percent) const {
  for (const auto& stage : stages)
    if (stage.percent == percent) return &stage;
  return nullptr;
}

const MilestoneStage* Indicator::stage_named(std::string_view name) const {
  const auto first = name.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return nullptr;
  name = name.substr(first, name.find_last_not_of(" \t\r\n") - first + 1);
  for (const auto& stage : stages)
    if (stage.name == name) return &stage;
  return nullptr;
}

std::string stage_list(const Indicator& indicator) {
  std::string list;
  for (const auto& stage : indicator.stages) {
    if (!list.empty()) list += "、";
    list += stage.name + " (" + shortest_number(stage.percent) + ")";
  }
  return list;
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
