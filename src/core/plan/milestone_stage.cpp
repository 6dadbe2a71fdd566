#include "core/plan/milestone_stage.h"

#include "core/text/shortest_number.h"

namespace planscore::core {

const MilestoneStage* stage_at(const std::vector<MilestoneStage>& stages, double percent) {
  for (const auto& stage : stages)
    if (stage.percent == percent) return &stage;
  return nullptr;
}

const MilestoneStage* stage_named(const std::vector<MilestoneStage>& stages,
                                  std::string_view name) {
  const auto first = name.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return nullptr;
  name = name.substr(first, name.find_last_not_of(" \t\r\n") - first + 1);
  for (const auto& stage : stages)
    if (stage.name == name) return &stage;
  return nullptr;
}

std::string stage_list(const std::vector<MilestoneStage>& stages) {
  std::string list;
  for (const auto& stage : stages) {
    if (!list.empty()) list += "、";
    list += stage.name + " (" + shortest_number(stage.percent) + ")";
  }
  return list;
}

}  // namespace planscore::core
