#include "core/calendar/roc.h"

#include <gtest/gtest.h>

namespace planscore::core {
namespace {

TEST(Roc, YearConversion) {
  EXPECT_EQ(to_gregorian_year(104), 2015);
  EXPECT_EQ(to_roc_year(2015), 104);
}

TEST(Roc, IsoFormatPadsFields) {
  EXPECT_EQ((Date{2015, 3, 5}.iso()), "2015-03-05");
  EXPECT_EQ((Date{1912, 12, 31}.iso()), "1912-12-31");
}

TEST(Roc, ParsesIso) {
  EXPECT_EQ(parse_date("2015-03-15"), (Date{2015, 3, 15}));
  EXPECT_EQ(parse_date("  2015-03-15\t"), (Date{2015, 3, 15}));
}

TEST(Roc, ParsesRocSeparatedForms) {
  const Date expected{2015, 3, 15};
  EXPECT_EQ(parse_date("104/03/15"), expected);
  EXPECT_EQ(parse_date("104.3.15"), expected);
  EXPECT_EQ(parse_date("104-3-15"), expected);
  EXPECT_EQ(parse_date("99/1/2"), (Date{2010, 1, 2}));
  EXPECT_EQ(parse_date("1/1/1"), (Date{1912, 1, 1}));
}

TEST(Roc, ParsesChineseForm) {
  const Date expected{2015, 3, 15};
  EXPECT_EQ(parse_date("民國104年3月15日"), expected);
  EXPECT_EQ(parse_date("民國 104 年 3 月 15 日"), expected);
  EXPECT_EQ(parse_date("104年03月15日"), expected);
  EXPECT_EQ(parse_date("民國\xE3\x80\x80"
                       "104年3月15日"),
            expected);  // ideographic space
}

TEST(Roc, FoldsFullWidthDigits) {
  EXPECT_EQ(parse_date("民國１０４年３月１５日"), (Date{2015, 3, 15}));
  EXPECT_EQ(parse_date("１０４/０３/１５"), (Date{2015, 3, 15}));
  EXPECT_EQ(parse_date("１０４／０３／１５"), (Date{2015, 3, 15}));
  EXPECT_EQ(parse_date("２０１５－０３－１５"), (Date{2015, 3, 15}));
  EXPECT_EQ(parse_date("１０４．３．１５"), (Date{2015, 3, 15}));
  EXPECT_EQ(parse_date("１０４０３１５"), (Date{2015, 3, 15}));
}

// As document and plan systems export them: seven digits are ROC, eight Gregorian.
TEST(Roc, ParsesDigitsWithoutSeparators) {
  EXPECT_EQ(parse_date("1050315"), (Date{2016, 3, 15}));
  EXPECT_EQ(parse_date("0990101"), (Date{2010, 1, 1}));
  EXPECT_EQ(parse_date("20160315"), (Date{2016, 3, 15}));
  EXPECT_EQ(parse_date(" 1050229 "), (Date{2016, 2, 29}));
  EXPECT_FALSE(parse_date("1040229"));
}

TEST(Roc, LeapYears) {
  EXPECT_EQ(parse_date("2016-02-29"), (Date{2016, 2, 29}));
  EXPECT_EQ(parse_date("2000-02-29"), (Date{2000, 2, 29}));
  EXPECT_EQ(parse_date("105/2/29"), (Date{2016, 2, 29}));
  EXPECT_FALSE(parse_date("2015-02-29"));
  EXPECT_FALSE(parse_date("2100-02-29"));  // divisible by 100, not by 400
  EXPECT_FALSE(parse_date("104/2/29"));
}

TEST(Roc, RejectsImpossibleDates) {
  EXPECT_FALSE(parse_date("2015-13-01"));
  EXPECT_FALSE(parse_date("2015-00-10"));
  EXPECT_FALSE(parse_date("2015-03-00"));
  EXPECT_FALSE(parse_date("2015-04-31"));
  EXPECT_FALSE(parse_date("民國104年13月1日"));
}

TEST(Roc, RejectsYearsOutOfRange) {
  EXPECT_FALSE(parse_date("0/1/1"));
  EXPECT_FALSE(parse_date("201/1/1"));
  EXPECT_TRUE(parse_date("200/12/31"));
  EXPECT_FALSE(parse_date("1911-12-31"));
  EXPECT_TRUE(parse_date("1912-01-01"));
  EXPECT_TRUE(parse_date("2111-12-31"));
  EXPECT_FALSE(parse_date("2112-01-01"));
  EXPECT_FALSE(parse_date("12015-01-01"));
}

TEST(Roc, RejectsMalformedText) {
  EXPECT_FALSE(parse_date(""));
  EXPECT_FALSE(parse_date("   "));
  EXPECT_FALSE(parse_date("2015-03-15x"));
  EXPECT_FALSE(parse_date("2015-03-15 10:00"));
  EXPECT_FALSE(parse_date("104/03-15"));  // mixed separators
  EXPECT_FALSE(parse_date("990315"));     // six digits: 99/03/15 or 1999-03-15?
  EXPECT_FALSE(parse_date("10403150"));
  EXPECT_FALSE(parse_date("1041315"));
  EXPECT_FALSE(parse_date("104/003/15"));
  EXPECT_FALSE(parse_date("-104/3/15"));
  EXPECT_FALSE(parse_date("民國104年3月15"));
  EXPECT_FALSE(parse_date("民國104年3月15日整"));
  EXPECT_FALSE(parse_date("104/3/"));
}

TEST(Roc, FirstAndLastDayOfRocYear) {
  EXPECT_EQ(first_day_iso(104), "2015-01-01");
  EXPECT_EQ(last_day_iso(104), "2015-12-31");
  EXPECT_EQ(first_day_iso(107), "2018-01-01");
}

}  // namespace
}  // namespace planscore::core
