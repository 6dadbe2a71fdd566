#include "service/agency_time.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace planscore::service {
namespace {

// 2026-12-07 20:30 UTC is already 2026-12-08 04:30 in Taipei.
const core::Clock::time_point kUtcEvening = *core::parse_iso_timestamp("2026-12-07T20:30:00Z");

class AgencyTime : public ::testing::Test {
 protected:
  ~AgencyTime() override { use_time_zone(kDefaultTimeZone); }
};

TEST_F(AgencyTime, TodayIsTheAgencysDateNotTheServersClock) {
  EXPECT_EQ(time_zone(), kDefaultTimeZone);
  EXPECT_EQ(agency_date(kUtcEvening), "2026-12-08");
  use_time_zone("UTC");
  EXPECT_EQ(agency_date(kUtcEvening), "2026-12-07");
  EXPECT_EQ(time_zone(), "UTC");
}

TEST_F(AgencyTime, AnUnknownZoneIsRefusedByName) {
  for (const char* name :
       {"Mars/Olympus_Mons", "", "../../etc/passwd", "/etc/localtime", "Asia/Taipei; rm", "Asia"}) {
    try {
      use_time_zone(name);
      ADD_FAILURE() << name << " was accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(std::string("\"") + name + "\""), std::string::npos)
          << e.what();
    }
  }
  EXPECT_EQ(time_zone(), kDefaultTimeZone);
}

}  // namespace
}  // namespace planscore::service
