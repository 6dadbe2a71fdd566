#include "core/register/record.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace planscore::core {
namespace {

using ::testing::HasSubstr;

FieldDef field_of(FieldType type, bool required = true) {
  FieldDef field;
  field.id = "value";
  field.name = "數值";
  field.type = type;
  field.required = required;
  return field;
}

const std::vector<std::string> kSections{"secretariat", "general_affairs"};

ParsedValue parse(FieldType type, std::string_view text) {
  return parse_field_value(field_of(type), text, kSections);
}

std::string error_of(FieldType type, std::string_view text) {
  const auto parsed = parse(type, text);
  return parsed.error ? parsed.error->message : "(no error)";
}

TEST(Record, TextWithANulCharacterIsRefusedNotCutShort) {
  // PostgreSQL refuses NUL inside text, and C strings would end at it: "a\0b" must not
  // quietly become "a".
  EXPECT_THAT(error_of(FieldType::text, std::string_view("a\0b", 3)), HasSubstr("NUL"));
  EXPECT_THAT(error_of(FieldType::text, std::string_view("\0", 1)), HasSubstr("NUL"));
  EXPECT_EQ(parse(FieldType::text, "a b").value, FieldValue{std::string("a b")});
}

TEST(Record, IntegersWithThousandsSeparatorsAndSigns) {
  EXPECT_EQ(parse(FieldType::integer, "1,229").value, FieldValue{std::int64_t{1229}});
  EXPECT_EQ(parse(FieldType::integer, "1,234,567").value, FieldValue{std::int64_t{1234567}});
  EXPECT_EQ(parse(FieldType::integer, "-42").value, FieldValue{std::int64_t{-42}});
  EXPECT_EQ(parse(FieldType::integer, "+7").value, FieldValue{std::int64_t{7}});
  EXPECT_EQ(parse(FieldType::integer, " 12 ").value, FieldValue{std::int64_t{12}});
  EXPECT_EQ(parse(FieldType::integer, "-1,000,000,000,000").value,
            FieldValue{std::int64_t{-1'000'000'000'000}});
}

TEST(Record, RejectsMalformedIntegers) {
  EXPECT_EQ(error_of(FieldType::integer, "12abc"), "\"12abc\" is not a whole number");
  EXPECT_EQ(error_of(FieldType::integer, "1.5"), "\"1.5\" is not a whole number");
  EXPECT_EQ(error_of(FieldType::integer, "1,22"), "\"1,22\" is not a whole number");
  EXPECT_EQ(error_of(FieldType::integer, ",123"), "\",123\" is not a whole number");
  EXPECT_EQ(error_of(FieldType::integer, "1,2345"), "\"1,2345\" is not a whole number");
  EXPECT_EQ(error_of(FieldType::integer, "-"), "\"-\" is not a whole number");
  EXPECT_EQ(error_of(FieldType::integer, "--1"), "\"--1\" is not a whole number");
  EXPECT_EQ(error_of(FieldType::integer, "9223372036854775808"),
            "\"9223372036854775808\" is more than 1,000,000,000,000, the largest a number field "
            "without a max takes");
}

TEST(Record, Decimals) {
  EXPECT_EQ(parse(FieldType::decimal, "81.07").value, FieldValue{81.07});
  EXPECT_EQ(parse(FieldType::decimal, "-0.5").value, FieldValue{-0.5});
  EXPECT_EQ(parse(FieldType::decimal, ".5").value, FieldValue{0.5});
  EXPECT_EQ(parse(FieldType::decimal, "1,229.25").value, FieldValue{1229.25});
  EXPECT_EQ(parse(FieldType::decimal, "12").value, FieldValue{12.0});
}

TEST(Record, RejectsNonPlainDecimals) {
  EXPECT_EQ(error_of(FieldType::decimal, "1e3"), "\"1e3\" is not a number");
  EXPECT_EQ(error_of(FieldType::decimal, "inf"), "\"inf\" is not a number");
  EXPECT_EQ(error_of(FieldType::decimal, "nan"), "\"nan\" is not a number");
  EXPECT_EQ(error_of(FieldType::decimal, "0x10"), "\"0x10\" is not a number");
  EXPECT_EQ(error_of(FieldType::decimal, "1.2.3"), "\"1.2.3\" is not a number");
  EXPECT_EQ(error_of(FieldType::decimal, "."), "\".\" is not a number");
  EXPECT_EQ(error_of(FieldType::decimal, "81,07"), "\"81,07\" is not a number");
  EXPECT_THAT(error_of(FieldType::decimal, std::string(400, '9')),
              HasSubstr("is more than 1,000,000,000,000"));
  EXPECT_THAT(error_of(FieldType::decimal, "-" + std::string(400, '9')),
              HasSubstr("is less than -1,000,000,000,000"));
}

TEST(Record, NumbersWithoutBoundsInThePlanStayWithinTenToTheTwelfth) {
  // 2^63 - 1 and -2^63 fit an int64 but would overflow any sum of them.
  EXPECT_EQ(error_of(FieldType::integer, "9223372036854775807"),
            "\"9223372036854775807\" is more than 1,000,000,000,000, the largest a number field "
            "without a max takes");
  EXPECT_EQ(error_of(FieldType::integer, "-9223372036854775808"),
            "\"-9223372036854775808\" is less than -1,000,000,000,000, the smallest a number "
            "field without a min takes");
  EXPECT_THAT(error_of(FieldType::integer, "1,000,000,000,001"), HasSubstr("is more than"));
  EXPECT_EQ(parse(FieldType::integer, "1000000000000").value,
            FieldValue{std::int64_t{1'000'000'000'000}});
  EXPECT_THAT(error_of(FieldType::decimal, "1000000000000.01"), HasSubstr("is more than"));
  EXPECT_THAT(error_of(FieldType::decimal, "3690000000000000000"), HasSubstr("is more than"));
  EXPECT_EQ(parse(FieldType::decimal, "-999999999999.5").value, FieldValue{-999999999999.5});
}

TEST(Record, NumbersStayWithinTheFieldsMinAndMax) {
  FieldDef percent = field_of(FieldType::decimal);
  percent.minimum = 0;
  percent.maximum = 100;
  EXPECT_EQ(parse_field_value(percent, "100", kSections).value, FieldValue{100.0});
  EXPECT_EQ(parse_field_value(percent, "0", kSections).value, FieldValue{0.0});
  EXPECT_EQ(parse_field_value(percent, "100.5", kSections).error->message,
            "\"100.5\" is more than 100, the field's max");
  EXPECT_EQ(parse_field_value(percent, "-0.25", kSections).error->message,
            "\"-0.25\" is less than 0, the field's min");
  FieldDef people = field_of(FieldType::integer);
  people.minimum = 0.5;
  people.maximum = 1'000'000;
  EXPECT_EQ(parse_field_value(people, "-5", kSections).error->message,
            "\"-5\" is less than 0.5, the field's min");
  EXPECT_EQ(parse_field_value(people, "1,000,001", kSections).error->message,
            "\"1,000,001\" is more than 1,000,000, the field's max");
  EXPECT_EQ(parse_field_value(people, "9223372036854775808", kSections).error->message,
            "\"9223372036854775808\" is more than 1,000,000, the field's max");
  // Only a max: the default bound still holds below.
  FieldDef balance = field_of(FieldType::integer);
  balance.maximum = 10;
  EXPECT_EQ(parse_field_value(balance, "-5", kSections).value, FieldValue{std::int64_t{-5}});
  EXPECT_THAT(parse_field_value(balance, "-2000000000000", kSections).error->message,
              HasSubstr("the smallest a number field without a min takes"));
}

TEST(Record, TextIsAtMost2000Characters) {
  std::string chinese;
  for (int i = 0; i < 2000; ++i) chinese += "字";  // 6000 bytes, 2000 characters
  EXPECT_EQ(parse(FieldType::text, chinese).value, FieldValue{chinese});
  EXPECT_EQ(error_of(FieldType::text, chinese + "字"),
            "the text has 2,001 characters; a text field takes at most 2,000");
  EXPECT_EQ(error_of(FieldType::text, std::string(1024 * 1024, 'a')),
            "the text has 1,048,576 characters; a text field takes at most 2,000");
  // Padding that is trimmed away does not count.
  EXPECT_FALSE(parse(FieldType::text, "  " + chinese + "  ").error);
}

TEST(Record, DatesAreStoredAsIso) {
  EXPECT_EQ(parse(FieldType::date, "104/03/15").value, FieldValue{std::string("2015-03-15")});
  EXPECT_EQ(parse(FieldType::date, "民國104年3月15日").value,
            FieldValue{std::string("2015-03-15")});
  EXPECT_EQ(parse(FieldType::date, "2015-03-15").value, FieldValue{std::string("2015-03-15")});
  EXPECT_THAT(error_of(FieldType::date, "2015-02-29"), HasSubstr("\"2015-02-29\" is not a date"));
}

TEST(Record, YesNoSpellings) {
  for (const char* yes : {"1", "yes", "YES", "y", "Y", "true", "True", "是"})
    EXPECT_EQ(parse(FieldType::yes_no, yes).value, FieldValue{std::int64_t{1}}) << yes;
  for (const char* no : {"0", "no", "No", "n", "N", "false", "FALSE", "否"})
    EXPECT_EQ(parse(FieldType::yes_no, no).value, FieldValue{std::int64_t{0}}) << no;
  EXPECT_THAT(error_of(FieldType::yes_no, "maybe"), HasSubstr("\"maybe\" is not yes or no"));
  EXPECT_THAT(error_of(FieldType::yes_no, "2"), HasSubstr("is not yes or no"));
}

TEST(Record, ChoiceMustBeListed) {
  FieldDef field = field_of(FieldType::choice);
  field.choices = {"實體", "線上"};
  EXPECT_EQ(parse_field_value(field, "線上", kSections).value, FieldValue{std::string("線上")});
  const auto rejected = parse_field_value(field, "混合", kSections);
  ASSERT_TRUE(rejected.error);
  EXPECT_EQ(rejected.error->message,
            "\"混合\" is not one of the choices (expected one of: 實體, 線上)");
}

TEST(Record, SectionMustBeKnown) {
  EXPECT_EQ(parse(FieldType::section, "secretariat").value, FieldValue{std::string("secretariat")});
  EXPECT_EQ(error_of(FieldType::section, "finance"),
            "\"finance\" is not a section id (expected one of: secretariat, general_affairs)");
}

TEST(Record, TextIsKeptButAsciiWhitespaceTrimmed) {
  EXPECT_EQ(parse(FieldType::text, "  公文 寫作\t").value, FieldValue{std::string("公文 寫作")});
  // A full-width space is content, not padding.
  EXPECT_EQ(parse(FieldType::text, "\xE3\x80\x80x").value,
            FieldValue{std::string("\xE3\x80\x80x")});
}

TEST(Record, EmptyIsNullWhenOptionalAndAProblemWhenRequired) {
  const auto optional = parse_field_value(field_of(FieldType::integer, false), "  ", kSections);
  EXPECT_FALSE(optional.error);
  EXPECT_EQ(optional.value, FieldValue{std::monostate{}});
  const auto required = parse_field_value(field_of(FieldType::date, true), "", kSections);
  ASSERT_TRUE(required.error);
  EXPECT_THAT(required.error->message, HasSubstr("required"));
}

TEST(Record, EmptyTextTakesTheDefaultAndGivenTextWins) {
  FieldDef sessions = field_of(FieldType::integer, true);
  sessions.default_value = "1";
  EXPECT_EQ(parse_field_value(sessions, "", kSections).value, FieldValue{std::int64_t{1}});
  EXPECT_EQ(parse_field_value(sessions, " \t", kSections).value, FieldValue{std::int64_t{1}});
  EXPECT_EQ(parse_field_value(sessions, "105", kSections).value, FieldValue{std::int64_t{105}});
  // The default is parsed like typed text: a ROC date default is stored as ISO.
  FieldDef held = field_of(FieldType::date, false);
  held.default_value = "104/01/01";
  EXPECT_EQ(parse_field_value(held, "", kSections).value, FieldValue{std::string("2015-01-01")});
}

TEST(Record, DefaultValueProblems) {
  RegisterDef events;
  events.time_field = "held_on";
  FieldDef kind = field_of(FieldType::choice);
  kind.choices = {"研習", "講座"};
  kind.default_value = "研習";
  EXPECT_FALSE(default_value_problem(events, kind, kSections));
  EXPECT_FALSE(default_value_problem(events, field_of(FieldType::date), kSections));  // none
  kind.default_value = "會議";
  EXPECT_THAT(default_value_problem(events, kind, kSections).value_or(""),
              HasSubstr("the default \"會議\" is not one of the choices"));
  kind.default_value = "  ";
  EXPECT_THAT(default_value_problem(events, kind, kSections).value_or(""), HasSubstr("blank"));
  FieldDef section = field_of(FieldType::section);
  section.default_value = "general_affairs";
  EXPECT_FALSE(default_value_problem(events, section, kSections));
  FieldDef held_on = field_of(FieldType::date);
  held_on.id = "held_on";
  held_on.default_value = "2015-01-01";
  EXPECT_THAT(default_value_problem(events, held_on, kSections).value_or(""),
              HasSubstr("time field"));
}

RegisterDef volunteer_roster() {
  RegisterDef roster;
  roster.id = "volunteers";
  roster.time_basis = TimeBasis::interval;
  roster.time_field = "joined";
  roster.end_field = "left";
  roster.fields = {field_of(FieldType::text), field_of(FieldType::date),
                   field_of(FieldType::date, false)};
  roster.fields[0].id = "name";
  roster.fields[1].id = "joined";
  roster.fields[2].id = "left";
  return roster;
}

TEST(Record, IntervalEndBeforeStartIsAProblem) {
  const RegisterDef roster = volunteer_roster();
  const Record backwards{
      {std::string("王小明"), std::string("2015-03-01"), std::string("2015-01-31")}};
  const Problems problems = check_record(roster, backwards);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "left");
  EXPECT_THAT(problems[0].message, HasSubstr("2015-01-31"));

  const Record same_day{
      {std::string("王小明"), std::string("2015-03-01"), std::string("2015-03-01")}};
  EXPECT_TRUE(check_record(roster, same_day).empty());
  const Record still_active{{std::string("王小明"), std::string("2015-03-01"), std::monostate{}}};
  EXPECT_TRUE(check_record(roster, still_active).empty());
}

TEST(Record, CheckRecordWantsOneValuePerField) {
  EXPECT_EQ(check_record(volunteer_roster(), Record{{std::string("x")}}).size(), 1u);
}

TEST(Record, ToText) {
  EXPECT_EQ(to_text(FieldValue{}), "");
  EXPECT_EQ(to_text(FieldValue{std::int64_t{-1229}}), "-1229");
  EXPECT_EQ(to_text(FieldValue{81.07}), "81.07");
  EXPECT_EQ(to_text(FieldValue{1e21}), "1000000000000000000000");
  EXPECT_EQ(to_text(FieldValue{std::string("公文")}), "公文");
}

TEST(Record, DecimalTextParsesBack) {
  for (const double value : {81.07, 0.1, -3.5, 1e-7, 123456789.125}) {
    const auto parsed = parse(FieldType::decimal, to_text(FieldValue{value}));
    EXPECT_EQ(parsed.value, FieldValue{value}) << value;
  }
}

}  // namespace
// Clients word a refusal from its code and params (core/problem_catalog.h), not from the
// English sentence.
TEST(Record, RefusalsCarryTheirCodeAndWhatTheyQuote) {
  const auto date = parse(FieldType::date, "104/02/30").error;
  ASSERT_TRUE(date);
  EXPECT_EQ(date->code, "not_a_date");
  EXPECT_EQ(date->params, (ProblemParams{{"text", "104/02/30"}}));
  FieldDef percent = field_of(FieldType::decimal);
  percent.maximum = 100;
  const auto above = parse_field_value(percent, "100.5", kSections).error;
  ASSERT_TRUE(above);
  EXPECT_EQ(above->code, "above_max");
  EXPECT_EQ(above->params, (ProblemParams{{"text", "100.5"}, {"max", "100"}}));
  const auto section = parse(FieldType::section, "nobody").error;
  ASSERT_TRUE(section);
  EXPECT_EQ(section->code, "not_a_section");
  EXPECT_EQ(section->params.at("sections"), "secretariat, general_affairs");
  EXPECT_EQ(parse(FieldType::yes_no, "maybe").error->code, "not_yes_no");
}

}  // namespace planscore::core
