// Which years a record belongs to, and timestamps as the database keeps them.
#include <gtest/gtest.h>

#include "core/calendar/timestamp.h"
#include "core/register/placement.h"

namespace planscore::core {
namespace {

RegisterDef roster() {
  RegisterDef reg;
  reg.id = "volunteers";
  reg.time_basis = TimeBasis::interval;
  reg.time_field = "joined";
  reg.end_field = "left";
  reg.fields = {{"name", "姓名", FieldType::text, true, {}, ""},
                {"joined", "加入", FieldType::date, true, {}, ""},
                {"left", "離開", FieldType::date, false, {}, ""}};
  return reg;
}

TEST(Placement, ByDateByYearAndByInterval) {
  RegisterDef dated;
  dated.time_basis = TimeBasis::date;
  dated.time_field = "held_on";
  dated.fields = {{"held_on", "日期", FieldType::date, true, {}, ""}};
  auto one = placement(dated, Record{{std::string("2016-12-31")}});
  ASSERT_TRUE(one);
  EXPECT_TRUE(one->contains(105));
  EXPECT_FALSE(one->contains(106));

  RegisterDef yearly;
  yearly.time_basis = TimeBasis::year;
  yearly.time_field = "year";
  yearly.fields = {{"year", "年度", FieldType::integer, true, {}, ""}};
  EXPECT_EQ(placement(yearly, Record{{std::int64_t{104}}})->first, 104);

  auto open =
      placement(roster(), Record{{std::string("王"), std::string("2015-03-01"), std::monostate{}}});
  ASSERT_TRUE(open);
  EXPECT_TRUE(open->contains(104));
  EXPECT_TRUE(open->contains(107));
  EXPECT_FALSE(open->contains(103));
  auto closed = placement(
      roster(), Record{{std::string("李"), std::string("2015-03-01"), std::string("2016-02-01")}});
  EXPECT_TRUE(closed->contains(105));
  EXPECT_FALSE(closed->contains(106));
  EXPECT_FALSE(placement(dated, Record{{std::monostate{}}}));
}

TEST(Timestamp, RoundTripsAndRejectsAnythingElse) {
  const auto moment = parse_iso_timestamp("2026-11-27T08:30:05Z");
  ASSERT_TRUE(moment);
  EXPECT_EQ(iso_timestamp(*moment), "2026-11-27T08:30:05Z");
  EXPECT_EQ(iso_timestamp(*moment + std::chrono::hours(16)), "2026-11-28T00:30:05Z");
  for (const char* bad : {"2026-11-27 08:30:05Z", "2026-02-30T00:00:00Z", "2026-11-27T24:00:00Z",
                          "2026-11-27T08:30:05", "", "2026-11-27T08:30:0xZ"})
    EXPECT_FALSE(parse_iso_timestamp(bad)) << bad;
}

}  // namespace
}  // namespace planscore::core
