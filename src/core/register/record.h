#pragma once
// Records: one row of a register, as typed values. Parsing a user's text into a typed
// value is here so the CLI, CSV import and (later) the HTTP API agree on what is valid.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/problem.h"
#include "core/register/register.h"

namespace planscore::core {

// null (empty optional field), integer / yes_no (0/1), decimal / stage (its percent),
// text / choice / section / date (ISO YYYY-MM-DD).
using FieldValue = std::variant<std::monostate, std::int64_t, double, std::string>;

// One record: values in the order of the register's fields.
struct Record {
  std::vector<FieldValue> values;
};

// A number field without `min` or `max` in the plan takes values of magnitude up to 10^12
// (validation keeps a plan's own bounds inside it too), so a planted 2^63 can no longer
// overflow a sum or make an achievement of 3.69e18 %. Agency figures stay far below it (a
// city's whole yearly budget is about 1.5 × 10^11 NT dollars), while:
//  - the sum of a million records stays below 10^18, inside int64 (9.2 × 10^18), where
//    SQLite adds up integer columns and the evaluation's sums could otherwise overflow;
//  - every whole value is exact as a double (10^12 < 2^53) and a decimal one is held to
//    within 0.0001; the maintained totals (doubles) stay exact up to 2^53 ≈ 9 × 10^15,
//    i.e. a million records of up to 9 × 10^9 each, and beyond that are rounded to 16
//    significant digits, never wrong by orders of magnitude.
inline constexpr double kMaxFieldMagnitude = 1e12;
// The longest text a text field takes, in characters (code points, so a Chinese
// character counts once): a printed page, far beyond any register's text (the shipped
// history's longest is 138); longer writing belongs in an evidence file.
inline constexpr std::size_t kMaxTextCharacters = 2000;

// Parses `text` for `field`. Accepts: integers with optional thousands separators
// ("1,229"); decimals; dates as ISO or ROC (see calendar/roc.h), stored as ISO; yes/no
// as 1/0, yes/no, true/false, 是/否, Y/N; a choice from the field's list; a section id
// from `section_ids`; a stage by its name (or its percent). Numbers must lie within the field's
// `min` and `max` (or the default bound above) and text within kMaxTextCharacters; the error names
// the bound. ASCII whitespace around the text is dropped (spreadsheets pad cells), so stored text
// never starts with a tab or CR; what a CSV export makes of text that starts a formula is csv.h's
// business. Empty (or blank) text stands for the field's default when it has one; otherwise it is
// null for an optional field and a problem for a required one. Every way a record comes in
// (CSV/XLSX import, `record add`, the JSON API) and an update's full replacement go through here,
// so a field with a default is never left empty: a form that clears it gets the default back, as a
// new record would. A cell that is absent altogether is parsed as empty text by the callers for the
// same reason. On failure returns the problem, coded, without a path.
struct ParsedValue {
  FieldValue value;
  std::optional<Problem> error;
};
ParsedValue parse_field_value(const FieldDef& field, std::string_view text,
                              const std::vector<std::string>& section_ids);

// Why `field`'s default cannot stand in for an empty cell of `register_def`, or nullopt
// when it can (or there is none). The time field may not have one: a record's year would
// then come from the plan, not from what the section entered.
std::optional<std::string> default_value_problem(const RegisterDef& register_def,
                                                 const FieldDef& field,
                                                 const std::vector<std::string>& section_ids);

// Checks a whole record (after parsing): an interval's end is not before its start.
Problems check_record(const RegisterDef& register_def, const Record& record);

// Display text of a value ("" for null).
std::string to_text(const FieldValue& value);
// Display text of a value of `field`: a stage field's percent by its stage's name, which
// parse_field_value reads back.
std::string to_text(const FieldDef& field, const FieldValue& value);

}  // namespace planscore::core
