#include "service/text_limits.h"

#include "core/text/plan_number.h"
#include "core/text/utf8.h"

namespace planscore::service {

std::optional<std::string> length_problem(std::string_view text, std::size_t max_characters) {
  const std::size_t characters = core::utf8_character_count(text);
  if (characters <= max_characters) return std::nullopt;
  return "at most " + core::format_plan_number(static_cast<double>(max_characters)) +
         " characters (this has " + core::format_plan_number(static_cast<double>(characters)) + ")";
}

}  // namespace planscore::service
