#include "exchange/xlsx_values.h"

#include <gtest/gtest.h>

namespace planscore::exchange {
namespace {

TEST(XlsxValues, CellReferences) {
  const auto c7 = parse_cell_reference("C7");
  ASSERT_TRUE(c7);
  EXPECT_EQ(c7->row, 7);
  EXPECT_EQ(c7->column, 2);
  EXPECT_EQ(parse_cell_reference("XFD1048576")->column, 16383);
  EXPECT_FALSE(parse_cell_reference("XFE1"));
  EXPECT_FALSE(parse_cell_reference("A1048577"));
  EXPECT_FALSE(parse_cell_reference("A0"));
  EXPECT_FALSE(parse_cell_reference("7"));
  EXPECT_FALSE(parse_cell_reference("C"));
  EXPECT_FALSE(parse_cell_reference("C7x"));
  EXPECT_EQ(column_name(0), "A");
  EXPECT_EQ(column_name(25), "Z");
  EXPECT_EQ(column_name(26), "AA");
  EXPECT_EQ(column_name(16383), "XFD");
}

TEST(XlsxValues, NumbersAsPeopleReadThem) {
  EXPECT_EQ(number_text(60), "60");
  EXPECT_EQ(number_text(1229), "1229");
  EXPECT_EQ(number_text(0.1 + 0.2), "0.3");
  EXPECT_EQ(number_text(-2.5), "-2.5");
  EXPECT_EQ(number_text(0.00001), "0.00001");
  EXPECT_EQ(number_text(1e20), "100000000000000000000");
  EXPECT_EQ(number_text(-0.0), "0");
}

TEST(XlsxValues, SerialDays) {
  EXPECT_EQ(serial_to_iso_date(42078, false), "2015-03-15");
  EXPECT_EQ(serial_to_iso_date(42078.75, false), "2015-03-15");
  EXPECT_EQ(serial_to_iso_date(1, false), "1900-01-01");
  EXPECT_EQ(serial_to_iso_date(59, false), "1900-02-28");
  EXPECT_EQ(serial_to_iso_date(61, false), "1900-03-01");
  EXPECT_EQ(serial_to_iso_date(2958465, false), "9999-12-31");
  EXPECT_EQ(serial_to_iso_date(0, false), std::nullopt);
  EXPECT_EQ(serial_to_iso_date(2958466, false), std::nullopt);
  EXPECT_EQ(serial_to_iso_date(40616, true), "2015-03-15");
}

TEST(XlsxValues, DateFormats) {
  EXPECT_TRUE(is_date_format(14, ""));
  EXPECT_TRUE(is_date_format(22, ""));
  EXPECT_TRUE(is_date_format(30, ""));  // zh-TW 民國 built-in
  EXPECT_FALSE(is_date_format(0, ""));
  EXPECT_FALSE(is_date_format(3, ""));
  EXPECT_FALSE(is_date_format(20, ""));  // h:mm
  EXPECT_TRUE(is_date_format(164, "yyyy/mm/dd"));
  EXPECT_TRUE(is_date_format(164, "[$-404]e/m/d"));
  EXPECT_TRUE(is_date_format(164, "mmm-yy"));
  EXPECT_FALSE(is_date_format(164, "#,##0.00"));
  EXPECT_FALSE(is_date_format(164, "0.00E+00"));
  EXPECT_FALSE(is_date_format(164, "General"));
  EXPECT_FALSE(is_date_format(164, "h:mm:ss"));
  EXPECT_FALSE(is_date_format(164, "[h]:mm"));
  EXPECT_FALSE(is_date_format(164, "\"day\"0"));
  EXPECT_FALSE(is_date_format(164, "[Red]0.0"));
}

TEST(XlsxValues, OoxmlEscapes) {
  EXPECT_EQ(decode_ooxml_escapes("a_x000D__x000A_b"), "a\r\nb");
  EXPECT_EQ(decode_ooxml_escapes("_x005F_x000A_"), "_x000A_");
  EXPECT_EQ(decode_ooxml_escapes("_x4E2D_"), "中");
  EXPECT_EQ(decode_ooxml_escapes("_xD800_"), "_xD800_");
  EXPECT_EQ(decode_ooxml_escapes("snake_case_x"), "snake_case_x");
}

}  // namespace
}  // namespace planscore::exchange
