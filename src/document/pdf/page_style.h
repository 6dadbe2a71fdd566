#pragma once
// The PDF page's fixed measures, in points (1/72 in): cairo's PDF user unit, so every
// number here is also a cairo coordinate.
namespace planscore::document::pdf {

inline constexpr double page_width = 595.276;  // A4
inline constexpr double page_height = 841.890;
inline constexpr double margin_left = 56.693;  // 2 cm
inline constexpr double margin_right = 56.693;
inline constexpr double margin_top = 70.866;     // 2.5 cm: room for the running header
inline constexpr double margin_bottom = 62.362;  // 2.2 cm: room for the page label
inline constexpr double text_width = page_width - margin_left - margin_right;
inline constexpr double text_top = margin_top;
inline constexpr double text_bottom = page_height - margin_bottom;

// Pango falls back along the list, so a machine with only the sans face still prints
// the Chinese text.
inline constexpr const char* font_family = "Noto Serif CJK TC, Noto Sans CJK TC";

inline constexpr double body_size = 12;
inline constexpr double small_size = 9;
inline constexpr double running_header_size = 9;
inline constexpr double page_label_size = 10;

inline constexpr double paragraph_gap = 6;            // below every paragraph
inline constexpr double indent_step = 2 * body_size;  // two CJK characters per level
inline constexpr double block_gap = 8;                // above and below tables and charts

inline constexpr double chart_height = 226.772;  // 8 cm

}  // namespace planscore::document::pdf
