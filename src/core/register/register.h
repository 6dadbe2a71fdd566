#pragma once
// A RegisterDef is the schema of one register: a typed table of operational records a
// section keeps (training sessions, switchboard audits, volunteers …). Plans declare
// registers; the store turns each into a database table; metric formulas aggregate them.
#include <optional>
#include <string>
#include <vector>

#include "core/plan/milestone_stage.h"

namespace planscore::core {

// stage: how far the work of a milestone indicator has got, picked by stage name and kept
// as that stage's percent, so a formula such as max_to_date(works.stage) reads the
// furthest stage reached.
enum class FieldType { text, integer, decimal, date, yes_no, choice, section, stage };

// The plan-file spelling of a field type ("text", "integer", …).
std::string_view to_string(FieldType type);
std::optional<FieldType> field_type_from_string(std::string_view text);
bool is_numeric(FieldType type);  // integer, decimal (yes_no counts as 0/1 but is not summed)
// text, choice, section: values held as text a person wrote, not as a number, a date or
// yes/no (what a CSV export neutralises, csv.h).
bool is_textual(FieldType type);
// Fields whose values are numbers in the database and in formulas: integer, decimal,
// yes_no, stage.
bool holds_number(FieldType type);

struct FieldDef {
  std::string id;    // identifier used in formulas and CSV headers: [a-z][a-z0-9_]*
  std::string name;  // display name (zh-TW), also accepted as a CSV header
  FieldType type = FieldType::text;
  bool required = true;
  std::vector<std::string> choices;  // allowed values when type == choice
  std::string description;
  // Text parsed in place of an empty or absent cell (record.h); empty means none. Kept as
  // written so the plan file round-trips and a ROC date stays a ROC date. The initializer
  // lets brace lists that end at `description` leave it out without a warning.
  std::string default_value = {};
  // The least and greatest value an integer or decimal field takes (plan keys `min` and
  // `max`); without them the default bound of record.h applies.
  std::optional<double> minimum = {};
  std::optional<double> maximum = {};
  // A stage field: the milestone indicator whose stages it records (plan key `indicator`)
  // and those stages, copied when the plan is read so a record is checked without the
  // indicator at hand.
  std::string stages_of = {};
  std::vector<MilestoneStage> stages = {};

  bool operator==(const FieldDef&) const = default;
};

// How a record is placed in time, which is how aggregates are scoped to a year without
// the formula's author writing dates.
enum class TimeBasis {
  date,      // a date field: the record belongs to the year of that date
  year,      // an integer field holding the ROC year
  interval,  // two date fields (start, optional end): a roster entry active over a span
  period,    // a date and an optional end date: an event, or a count covering a month or
             // several years; it belongs to a span of years only when it lies wholly inside
};

std::string_view to_string(TimeBasis basis);
std::optional<TimeBasis> time_basis_from_string(std::string_view text);

struct RegisterDef {
  std::string id;  // [a-z][a-z0-9_]*; names the table
  std::string name;
  std::string description;
  std::string owner_section;  // section id
  TimeBasis time_basis = TimeBasis::date;
  std::string time_field;  // date / year field, or the interval's start field
  std::string end_field;   // interval: the date the entry left; period: where it ends
  std::vector<FieldDef> fields;

  const FieldDef* find_field(std::string_view field_id) const;
  bool operator==(const RegisterDef&) const = default;
};

}  // namespace planscore::core
