#pragma once
// Moments in time as the database keeps them: UTC ISO 8601 text with second precision,
// "2026-11-27T08:30:00Z", which sorts as text in time order.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace planscore::core {

using Clock = std::chrono::system_clock;

std::string iso_timestamp(Clock::time_point moment);
// nullopt unless `text` is exactly YYYY-MM-DDTHH:MM:SSZ.
std::optional<Clock::time_point> parse_iso_timestamp(std::string_view text);

}  // namespace planscore::core
