#include "core/text/plan_number.h"

#include <gtest/gtest.h>

#include <limits>

namespace planscore::core {
namespace {

TEST(PlanNumber, PlainHasThousandsSeparatorsAndFixedDecimals) {
  EXPECT_EQ(format_plan_number(2892), "2,892");
  EXPECT_EQ(format_plan_number(91.66, 2), "91.66");
  EXPECT_EQ(format_plan_number(158.8, 1), "158.8");
  EXPECT_EQ(format_plan_number(0), "0");
  EXPECT_EQ(format_plan_number(-1234), "-1,234");
  EXPECT_EQ(format_plan_number(252), "252");
  EXPECT_EQ(format_plan_number(999), "999");
  EXPECT_EQ(format_plan_number(1000), "1,000");
  EXPECT_EQ(format_plan_number(1234567.5, 1), "1,234,567.5");
  EXPECT_EQ(format_plan_number(2, 2), "2.00");
  EXPECT_EQ(format_plan_number(0.05, 3), "0.050");
}

TEST(PlanNumber, RoundsHalfAwayFromZero) {
  EXPECT_EQ(format_plan_number(2.5), "3");
  EXPECT_EQ(format_plan_number(-2.5), "-3");
  EXPECT_EQ(format_plan_number(0.125, 2), "0.13");
  EXPECT_EQ(format_plan_number(-0.125, 2), "-0.13");
  EXPECT_EQ(format_plan_number(2.4), "2");
  EXPECT_EQ(format_plan_number(999.95, 1), "1,000.0");
  EXPECT_EQ(format_plan_number(99.996, 2), "100.00");
}

TEST(PlanNumber, RoundsTheDecimalAPlannerTypedNotItsBinaryNeighbour) {
  // 2.675 and 1.005 are stored slightly below themselves; printf would give 2.67 and 1.00.
  EXPECT_EQ(format_plan_number(2.675, 2), "2.68");
  EXPECT_EQ(format_plan_number(1.005, 2), "1.01");
}

TEST(PlanNumber, NeverPrintsNegativeZero) {
  EXPECT_EQ(format_plan_number(-0.0), "0");
  EXPECT_EQ(format_plan_number(-0.4), "0");
  EXPECT_EQ(format_plan_number(-0.001, 2), "0.00");
  EXPECT_EQ(format_plan_number(-0.4, 0, NumberStyle::wan), "0");
}

TEST(PlanNumber, NegativeDecimalsCountAsNone) {
  EXPECT_EQ(format_plan_number(12.6, -1), "13");
}

TEST(PlanNumber, WanGroupingFromTenThousand) {
  EXPECT_EQ(format_plan_number(470432, 0, NumberStyle::wan), "47 萬 0,432");
  EXPECT_EQ(format_plan_number(37416, 0, NumberStyle::wan), "3 萬 7,416");
  EXPECT_EQ(format_plan_number(30642, 0, NumberStyle::wan), "3 萬 0,642");
  EXPECT_EQ(format_plan_number(194160, 0, NumberStyle::wan), "19 萬 4,160");
  EXPECT_EQ(format_plan_number(28368, 0, NumberStyle::wan), "2 萬 8,368");
  EXPECT_EQ(format_plan_number(100000, 0, NumberStyle::wan), "10 萬 0,000");
  EXPECT_EQ(format_plan_number(10000, 0, NumberStyle::wan), "1 萬 0,000");
  EXPECT_EQ(format_plan_number(10007, 0, NumberStyle::wan), "1 萬 0,007");
}

TEST(PlanNumber, WanBelowTenThousandIsPlain) {
  EXPECT_EQ(format_plan_number(252, 0, NumberStyle::wan), "252");
  EXPECT_EQ(format_plan_number(2022, 0, NumberStyle::wan), "2,022");
  EXPECT_EQ(format_plan_number(9999, 0, NumberStyle::wan), "9,999");
  EXPECT_EQ(format_plan_number(0, 0, NumberStyle::wan), "0");
  EXPECT_EQ(format_plan_number(-2022, 0, NumberStyle::wan), "-2,022");
}

TEST(PlanNumber, WanPartHasThousandsSeparators) {
  EXPECT_EQ(format_plan_number(123456789, 0, NumberStyle::wan), "12,345 萬 6,789");
  EXPECT_EQ(format_plan_number(12345678901, 0, NumberStyle::wan), "1,234,567 萬 8,901");
}

TEST(PlanNumber, WanKeepsDecimalsOnTheRemainder) {
  EXPECT_EQ(format_plan_number(470432.25, 2, NumberStyle::wan), "47 萬 0,432.25");
  EXPECT_EQ(format_plan_number(470432.25, 1, NumberStyle::wan), "47 萬 0,432.3");
  EXPECT_EQ(format_plan_number(-470432, 0, NumberStyle::wan), "-47 萬 0,432");
}

TEST(PlanNumber, WanRoundsBeforeSplitting) {
  EXPECT_EQ(format_plan_number(9999.6, 0, NumberStyle::wan), "1 萬 0,000");
  EXPECT_EQ(format_plan_number(9999.6, 1, NumberStyle::wan), "9,999.6");
  EXPECT_EQ(format_plan_number(19999.5, 0, NumberStyle::wan), "2 萬 0,000");
}

TEST(PlanNumber, ApproximateWanIsWholeWan) {
  EXPECT_EQ(format_plan_number(201234, 0, NumberStyle::approximate_wan), "20 萬");
  EXPECT_EQ(format_plan_number(204370, 0, NumberStyle::approximate_wan), "20 萬");
  EXPECT_EQ(format_plan_number(205000, 0, NumberStyle::approximate_wan), "21 萬");
  EXPECT_EQ(format_plan_number(204999.9, 2, NumberStyle::approximate_wan), "20 萬");
  EXPECT_EQ(format_plan_number(-205000, 0, NumberStyle::approximate_wan), "-21 萬");
  EXPECT_EQ(format_plan_number(1234567890, 0, NumberStyle::approximate_wan), "123,457 萬");
  EXPECT_EQ(format_plan_number(9999.6, 0, NumberStyle::approximate_wan), "1 萬");
}

TEST(PlanNumber, ApproximateWanBelowTenThousandIsPlain) {
  EXPECT_EQ(format_plan_number(4000, 0, NumberStyle::approximate_wan), "4,000");
  EXPECT_EQ(format_plan_number(91.66, 2, NumberStyle::approximate_wan), "91.66");
}

TEST(PlanNumber, BareHasNoSeparatorsForFilesProgramsRead) {
  EXPECT_EQ(format_plan_number(470432, 0, NumberStyle::bare), "470432");
  EXPECT_EQ(format_plan_number(-1234.5, 2, NumberStyle::bare), "-1234.50");
  EXPECT_EQ(format_plan_number(550.0 / 500 * 100, 1, NumberStyle::bare), "110.0");
  EXPECT_EQ(format_plan_number(2.675, 2, NumberStyle::bare), "2.68");
}

TEST(PlanNumber, NotANumberPrintsTheNoValueMark) {
  EXPECT_EQ(format_plan_number(std::numeric_limits<double>::quiet_NaN()), "—");
  EXPECT_EQ(format_plan_number(std::numeric_limits<double>::infinity(), 0, NumberStyle::wan), "—");
}

TEST(PlanNumber, ExtremeMagnitudesDoNotBreakIt) {
  EXPECT_EQ(format_plan_number(1e-300, 2), "0.00");
  EXPECT_EQ(format_plan_number(1e20), "100,000,000,000,000,000,000");
}

}  // namespace
}  // namespace planscore::core
