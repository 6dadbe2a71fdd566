#pragma once
// Plan-file spellings of core::NoValueScoring (core has none of its own).
#include <optional>
#include <string_view>

#include "core/evaluation/policy.h"

namespace planscore::planfile {

inline std::string_view no_value_scoring_name(core::NoValueScoring scoring) {
  return scoring == core::NoValueScoring::exclude ? "exclude" : "zero";
}

inline std::optional<core::NoValueScoring> no_value_scoring_from_name(std::string_view name) {
  if (name == "zero") return core::NoValueScoring::zero;
  if (name == "exclude") return core::NoValueScoring::exclude;
  return std::nullopt;
}

}  // namespace planscore::planfile
