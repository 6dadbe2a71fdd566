#pragma once
// Numbers as Taiwanese plans print them: "2,892", "91.66", "47 萬 0,432", "20 萬".
// Pure and locale independent, so a server's locale never changes a printed plan.
#include <string>
#include <string_view>

namespace planscore::core {

// What a missing value prints as, never 0: nothing was measured.
inline constexpr std::string_view kNoValueMark = "—";

enum class NumberStyle {
  bare,             // no separators, for files programs read (CSV): 470432
  plain,            // thousands separators: 470,432
  wan,              // exact 萬 grouping: 47 萬 0,432
  approximate_wan,  // whole 萬: 47 萬
};

// Rounds `value` half away from zero to `decimals` digits (negative counts as 0), judged on
// its shortest decimal form, so 2.675 rounds to 2.68 as the planner who typed it expects.
//  - plain: "2,892", "-1,234", "91.66"; decimals are always written out ("2.00").
//  - bare: as plain without the separators: "2892", "-1234", "110.0" for 110.00000000000001.
//  - wan: from 10,000 in magnitude (after rounding) "<萬 part> 萬 <last four digits>", the
//    萬 part with thousands separators and the four digits as "0,432", decimals after
//    them: 470432 → "47 萬 0,432", 123456789 → "12,345 萬 6,789"; below that like plain.
//  - approximate_wan: from 10,000 in magnitude (after rounding) the value in 萬 rounded
//    to a whole number: 201234 → "20 萬"; below that like plain, since "0 萬" says nothing.
// Not-a-number and infinities print as kNoValueMark.
std::string format_plan_number(double value, int decimals = 0,
                               NumberStyle style = NumberStyle::plain);

}  // namespace planscore::core
