#pragma once
// The stages of a milestone indicator (規劃設計 25%, 工程發包 50% …), shared by the
// indicator and by a register's stage field that records them.
#include <string>
#include <string_view>
#include <vector>

namespace planscore::core {

struct MilestoneStage {
  std::string name;
  double percent = 0;
  bool operator==(const MilestoneStage&) const = default;
};

// The stage whose percentage `percent` is, or null.
const MilestoneStage* stage_at(const std::vector<MilestoneStage>& stages, double percent);
// The stage named `name` (as written in the plan, blanks around it ignored), or null.
const MilestoneStage* stage_named(const std::vector<MilestoneStage>& stages, std::string_view name);
// The stages for a message: "規劃設計 (25)、發包 (50)、完工 (100)".
std::string stage_list(const std::vector<MilestoneStage>& stages);

}  // namespace planscore::core
