#pragma once
// Numbers as plan files write them: shortest text that reads back to the same value, so
// 500 stays 500 (not 500.0) and 1.23 stays 1.23.
#include <optional>
#include <string>
#include <string_view>

namespace planscore::planfile {

std::string format_number(double value);
// The whole text must be a finite number; nothing else is accepted (no "inf", no "0x10").
std::optional<double> parse_number(std::string_view text);
std::optional<int> parse_int(std::string_view text);

}  // namespace planscore::planfile
