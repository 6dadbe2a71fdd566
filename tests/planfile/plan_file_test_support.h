#pragma once
// Helpers shared by the planfile tests.
#include <fstream>
#include <sstream>
#include <string>

namespace planscore::planfile::testing {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

inline std::string shipped_plan_text() {
  return read_file(PLANSCORE_SHIPPED_PLAN);
}

// The smallest plan the loader accepts, for rejection tests to break one piece of.
inline const char* kMinimalPlan = R"(id: tiny
name: 小計畫
first_year: 104
last_year: 105
dimensions:
  - id: business
    name: 業務
    goals:
      - id: b1
        name: 目標
        weight: 100
        indicators:
          - id: b1-1
            name: 指標
            weight: 100
            kind: higher_is_better
            targets: {104: 500, 105: 1.23}
)";

}  // namespace planscore::planfile::testing
