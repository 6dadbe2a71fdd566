#include "core/text/shortest_number.h"

#include <charconv>

namespace planscore::core {

std::string shortest_number(double value) {
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc()) return "0";
  return std::string(buffer, end);
}

}  // namespace planscore::core
