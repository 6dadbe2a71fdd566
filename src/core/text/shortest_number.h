#pragma once
// A number in the shortest text that reads back to the same value: 500, not 500.0; 12.5,
// not 12.50 — as plan files write numbers and messages quote them.
#include <string>

namespace planscore::core {

std::string shortest_number(double value);

}  // namespace planscore::core
