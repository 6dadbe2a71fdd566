#pragma once
// The longest texts people write outside a register (records are bounded by
// core::parse_field_value), in characters: code points, so a Chinese character counts
// once, as it does in the web app's input limits.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace planscore::service {

// Comments on an indicator and its explanation (未達成原因及改善措施): several pages.
inline constexpr std::size_t kMaxCommentCharacters = 20000;
// A manual value's source note, the reason a year is unlocked: a paragraph.
inline constexpr std::size_t kMaxNoteCharacters = 2000;
// A user's display name (a person's name and title).
inline constexpr std::size_t kMaxDisplayNameCharacters = 100;

// "at most N characters (this has M)" when `text` is longer than `max_characters`, or
// nullopt: the message of a problem whose path names the field.
std::optional<std::string> length_problem(std::string_view text, std::size_t max_characters);

}  // namespace planscore::service
