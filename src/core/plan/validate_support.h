#pragma once
// What plan validation's parts share: the shapes of ids and keys, how a path is built, and
// how a number is written in a message. Inside core/plan only.
#include <optional>
#include <sstream>
#include <string>

#include "core/plan/plan.h"

namespace planscore::core::validation {

// Register and field ids become SQL identifiers (quoted, but still): a strict shape
// keeps them safe and portable.
inline bool is_identifier(const std::string& text) {
  if (text.empty() || text.size() > 48) return false;
  if (!(text[0] >= 'a' && text[0] <= 'z')) return false;
  for (char c : text)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// Plan, goal and indicator keys appear in URLs and file names.
inline bool is_key(const std::string& text) {
  if (text.empty() || text.size() > 64) return false;
  for (char c : text)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
      return false;
  return true;
}

inline std::string number_text(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

inline std::string at(const std::string& path, const std::string& key) {
  return path + "." + key;
}
inline std::string at(const std::string& path, const std::string& key, std::size_t index) {
  return (path.empty() ? key : path + "." + key) + "[" + std::to_string(index) + "]";
}

// Why `owner` cannot own something of `plan`, or nullopt when it can (or is empty).
inline std::optional<std::string> owner_problem(const Plan& plan, const std::string& owner) {
  if (owner.empty() || plan.find_section(owner)) return std::nullopt;
  return "unknown section \"" + owner + "\"";
}

}  // namespace planscore::core::validation
