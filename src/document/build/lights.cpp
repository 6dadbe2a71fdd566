#include "document/build/lights.h"

namespace planscore::document {
namespace {

int hex_value(char digit) {
  if (digit >= '0' && digit <= '9') return digit - '0';
  if (digit >= 'a' && digit <= 'f') return digit - 'a' + 10;
  if (digit >= 'A' && digit <= 'F') return digit - 'A' + 10;
  return -1;
}

}  // namespace

const core::LightCategory* find_light(const core::EvaluationPolicy& policy,
                                      const std::string& light_id) {
  for (const auto& light : policy.lights)
    if (light.id == light_id) return &light;
  return nullptr;
}

std::string light_text(const core::EvaluationPolicy& policy, const std::string& light_id) {
  const auto* light = find_light(policy, light_id);
  if (light == nullptr) return light_id;
  return light->symbol.empty() ? light->label : light->symbol + " " + light->label;
}

std::optional<Colour> light_colour(const core::EvaluationPolicy& policy,
                                   const std::string& light_id) {
  const auto* light = find_light(policy, light_id);
  return light == nullptr ? std::nullopt : parse_colour(light->colour);
}

std::optional<Colour> parse_colour(const std::string& text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  unsigned char channels[3];
  for (int i = 0; i < 3; ++i) {
    const int high = hex_value(text[1 + 2 * i]);
    const int low = hex_value(text[2 + 2 * i]);
    if (high < 0 || low < 0) return std::nullopt;
    channels[i] = static_cast<unsigned char>(high * 16 + low);
  }
  return Colour{channels[0], channels[1], channels[2]};
}

}  // namespace planscore::document
