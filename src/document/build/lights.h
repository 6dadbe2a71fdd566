#pragma once
// A traffic light as documents print it: symbol and label in the light's colour, so the
// light still reads when printed in black and white.
#include <optional>
#include <string>

#include "core/evaluation/policy.h"
#include "document/model/document.h"

namespace planscore::document {

const core::LightCategory* find_light(const core::EvaluationPolicy& policy,
                                      const std::string& light_id);
// "● 綠燈"; the id itself for a light the policy does not name.
std::string light_text(const core::EvaluationPolicy& policy, const std::string& light_id);
std::optional<Colour> light_colour(const core::EvaluationPolicy& policy,
                                   const std::string& light_id);
// "#1b7f3b" → {27, 127, 59}; nullopt unless the text is # and six hex digits.
std::optional<Colour> parse_colour(const std::string& text);

}  // namespace planscore::document
