#include "core/register/record.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <utility>

#include "core/calendar/roc.h"
#include "core/problem_catalog.h"
#include "core/text/plan_number.h"
#include "core/text/utf8.h"

namespace planscore::core {
namespace {

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string_view trim_ascii_space(std::string_view text) {
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text += ", ";
    text += item;
  }
  return text;
}

ParsedValue failure(std::string_view code, ProblemParams params = {}) {
  return {std::monostate{}, coded_problem("", code, std::move(params))};
}

// Removes thousands separators from a run of digits, insisting on proper grouping so that
// "1,22" (a typo, or a decimal comma) is not read as 122. nullopt when malformed.
std::optional<std::string> ungroup_digits(std::string_view digits) {
  if (digits.empty()) return std::nullopt;
  if (digits.find(',') == std::string_view::npos) {
    if (!std::all_of(digits.begin(), digits.end(), is_digit)) return std::nullopt;
    return std::string(digits);
  }
  std::string plain;
  std::size_t group_start = 0;
  bool first_group = true;
  while (true) {
    const std::size_t comma = digits.find(',', group_start);
    const std::string_view group = digits.substr(group_start, comma - group_start);
    const bool size_ok = first_group ? (group.size() >= 1 && group.size() <= 3) : group.size() == 3;
    if (!size_ok || !std::all_of(group.begin(), group.end(), is_digit)) return std::nullopt;
    plain += group;
    if (comma == std::string_view::npos) return plain;
    group_start = comma + 1;
    first_group = false;
  }
}

// Splits an optional leading sign off; returns "-" or "".
std::string take_sign(std::string_view& text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    const bool negative = text.front() == '-';
    text.remove_prefix(1);
    return negative ? "-" : "";
  }
  return "";
}

// A bound as people write it: 1e12 → "1,000,000,000,000", 0.5 → "0.5".
std::string bound_text(double bound) {
  const std::string exact = to_text(FieldValue{bound});
  const auto point = exact.find('.');
  const auto decimals = point == std::string::npos ? 0 : exact.size() - point - 1;
  return format_plan_number(bound, static_cast<int>(decimals));
}

// `value` (parsed from `text`) unless it lies outside the field's bounds. An integer too
// large for int64 comes as ±infinity, which every bound refuses.
ParsedValue bounded(const FieldDef& field, std::string_view text, FieldValue value, double number) {
  if (number > field.maximum.value_or(kMaxFieldMagnitude))
    return failure(field.maximum ? "above_max" : "above_limit",
                   {{"text", std::string(text)},
                    {"max", bound_text(field.maximum.value_or(kMaxFieldMagnitude))}});
  if (number < field.minimum.value_or(-kMaxFieldMagnitude))
    return failure(field.minimum ? "below_min" : "below_limit",
                   {{"text", std::string(text)},
                    {"min", bound_text(field.minimum.value_or(-kMaxFieldMagnitude))}});
  return {std::move(value), std::nullopt};
}

ParsedValue parse_integer(const FieldDef& field, std::string_view text) {
  std::string_view rest = text;
  const std::string sign = take_sign(rest);
  const auto digits = ungroup_digits(rest);
  if (!digits) return failure("not_a_whole_number", {{"text", std::string(text)}});
  const std::string plain = sign + *digits;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (error == std::errc::result_out_of_range) {
    const double beyond = sign.empty() ? HUGE_VAL : -HUGE_VAL;
    return bounded(field, text, std::monostate{}, beyond);
  }
  if (error != std::errc{} || end != plain.data() + plain.size())
    return failure("not_a_whole_number", {{"text", std::string(text)}});
  return bounded(field, text, value, static_cast<double>(value));
}

// Plain decimal notation only ("81.07", "-1,229.5", ".5"): exponents, inf and nan are
// refused because no register figure is written that way and they hide typos.
ParsedValue parse_decimal(const FieldDef& field, std::string_view text) {
  const auto not_a_number = [&] { return failure("not_a_number", {{"text", std::string(text)}}); };
  std::string_view rest = text;
  const std::string sign = take_sign(rest);
  const std::size_t point = rest.find('.');
  const std::string_view whole = rest.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view{} : rest.substr(point + 1);
  if (whole.empty() && fraction.empty()) return not_a_number();
  std::string plain = sign;
  if (!whole.empty()) {
    const auto digits = ungroup_digits(whole);
    if (!digits) return not_a_number();
    plain += *digits;
  } else {
    plain += '0';
  }
  if (!std::all_of(fraction.begin(), fraction.end(), is_digit)) return not_a_number();
  if (!fraction.empty()) plain += "." + std::string(fraction);
  double value = 0;
  const auto [end, error] =
      std::from_chars(plain.data(), plain.data() + plain.size(), value, std::chars_format::fixed);
  if (error == std::errc::result_out_of_range || !std::isfinite(value)) {
    const double beyond = sign.empty() ? HUGE_VAL : -HUGE_VAL;
    return bounded(field, text, std::monostate{}, beyond);
  }
  if (error != std::errc{} || end != plain.data() + plain.size()) return not_a_number();
  return bounded(field, text, value, value);
}

ParsedValue parse_text(std::string_view text) {
  // Neither database keeps a NUL inside text (PostgreSQL refuses it, C strings end at it),
  // so it is refused here rather than cut off there.
  if (text.find('\0') != std::string_view::npos) return failure("text_has_nul");
  const std::size_t characters = utf8_character_count(text);
  if (characters > kMaxTextCharacters)
    return failure("text_too_long",
                   {{"count", format_plan_number(static_cast<double>(characters))},
                    {"max", format_plan_number(static_cast<double>(kMaxTextCharacters))}});
  return {std::string(text), std::nullopt};
}

ParsedValue parse_date_value(std::string_view text) {
  const auto date = parse_date(text);
  if (!date) return failure("not_a_date", {{"text", std::string(text)}});
  return {date->iso(), std::nullopt};
}

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

ParsedValue parse_yes_no(std::string_view text) {
  constexpr std::array<std::string_view, 5> kYes{"1", "yes", "y", "true", "是"};
  constexpr std::array<std::string_view, 5> kNo{"0", "no", "n", "false", "否"};
  const std::string lower = ascii_lower(text);
  if (std::find(kYes.begin(), kYes.end(), lower) != kYes.end())
    return {std::int64_t{1}, std::nullopt};
  if (std::find(kNo.begin(), kNo.end(), lower) != kNo.end()) return {std::int64_t{0}, std::nullopt};
  return failure("not_yes_no", {{"text", std::string(text)}});
}

// `code` names the problem and `list` the param that holds the allowed values.
ParsedValue parse_one_of(std::string_view text, const std::vector<std::string>& allowed,
                         std::string_view code, const std::string& list) {
  if (std::find(allowed.begin(), allowed.end(), text) != allowed.end())
    return {std::string(text), std::nullopt};
  return failure(code, {{"text", std::string(text)}, {list, joined(allowed)}});
}

// A stage by its name, kept as its percent; the percent itself is taken too, as an export
// to a program may write it.
ParsedValue parse_stage(const FieldDef& field, std::string_view text) {
  if (const auto* stage = stage_named(field.stages, text)) return {stage->percent, std::nullopt};
  double percent = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), percent);
  if (error == std::errc{} && end == text.data() + text.size() && stage_at(field.stages, percent))
    return {percent, std::nullopt};
  return failure("not_a_stage",
                 {{"value", std::string(text)}, {"stages", stage_list(field.stages)}});
}

std::optional<std::size_t> field_index(const RegisterDef& register_def, std::string_view id) {
  for (std::size_t i = 0; i < register_def.fields.size(); ++i)
    if (register_def.fields[i].id == id) return i;
  return std::nullopt;
}

}  // namespace

ParsedValue parse_field_value(const FieldDef& field, std::string_view text,
                              const std::vector<std::string>& section_ids) {
  std::string_view trimmed = trim_ascii_space(text);
  // The default goes through the same checks as typed text, so a plan that validated
  // cannot store a value the field would refuse.
  if (trimmed.empty()) trimmed = trim_ascii_space(field.default_value);
  if (trimmed.empty()) {
    if (field.required) return failure("required");
    return {std::monostate{}, std::nullopt};
  }
  switch (field.type) {
    case FieldType::text:
      return parse_text(trimmed);
    case FieldType::integer:
      return parse_integer(field, trimmed);
    case FieldType::decimal:
      return parse_decimal(field, trimmed);
    case FieldType::date:
      return parse_date_value(trimmed);
    case FieldType::yes_no:
      return parse_yes_no(trimmed);
    case FieldType::choice:
      return parse_one_of(trimmed, field.choices, "not_a_choice", "choices");
    case FieldType::section:
      return parse_one_of(trimmed, section_ids, "not_a_section", "sections");
    case FieldType::stage:
      return parse_stage(field, trimmed);
  }
  return {std::monostate{}, Problem{"", "unknown field type"}};
}

std::optional<std::string> default_value_problem(const RegisterDef& register_def,
                                                 const FieldDef& field,
                                                 const std::vector<std::string>& section_ids) {
  if (field.default_value.empty()) return std::nullopt;
  if (field.id == register_def.time_field)
    return "the time field cannot have a default; each record says when it happened";
  if (trim_ascii_space(field.default_value).empty())
    return "the default is blank; leave it out for no default";
  auto parsed = parse_field_value(field, field.default_value, section_ids);
  if (parsed.error) return "the default " + parsed.error->message;
  return std::nullopt;
}

Problems check_record(const RegisterDef& register_def, const Record& record) {
  Problems problems;
  if (record.values.size() != register_def.fields.size()) {
    problems.push_back({"", "the record has " + std::to_string(record.values.size()) +
                                " values but register " + register_def.id + " has " +
                                std::to_string(register_def.fields.size()) + " fields"});
    return problems;
  }
  const bool has_end = register_def.time_basis == TimeBasis::interval ||
                       register_def.time_basis == TimeBasis::period;
  if (has_end && !register_def.end_field.empty()) {
    const auto start = field_index(register_def, register_def.time_field);
    const auto end = field_index(register_def, register_def.end_field);
    if (start && end) {
      const auto* start_date = std::get_if<std::string>(&record.values[*start]);
      const auto* end_date = std::get_if<std::string>(&record.values[*end]);
      // Dates are stored as ISO text, whose order is date order.
      if (start_date && end_date && *end_date < *start_date)
        problems.push_back(coded_problem(register_def.end_field, "end_before_start",
                                         {{"end", *end_date}, {"start", *start_date}}));
    }
  }
  return problems;
}

std::string to_text(const FieldValue& value) {
  if (std::holds_alternative<std::monostate>(value)) return "";
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
  if (const auto* decimal = std::get_if<double>(&value)) {
    // Fixed notation, shortest round trip: what parse_field_value accepts back.
    std::array<char, 400> buffer{};
    const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), *decimal,
                                            std::chars_format::fixed);
    if (error != std::errc{}) return "";
    return std::string(buffer.data(), end);
  }
  return std::get<std::string>(value);
}

std::string to_text(const FieldDef& field, const FieldValue& value) {
  if (const auto* percent = std::get_if<double>(&value); percent && field.type == FieldType::stage)
    if (const auto* stage = stage_at(field.stages, *percent)) return stage->name;
  return to_text(value);
}

}  // namespace planscore::core
