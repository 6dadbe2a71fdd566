#pragma once
// The agency's calendar. Moments are stored in UTC (core/calendar/timestamp.h); every date
// the product prints as "today" (a report's cover, a file name) is the agency's date in a
// configured IANA time zone, Asia/Taipei unless told otherwise, whatever zone the server's
// own clock is set to: a report printed at 20:00 UTC is dated the next day in Taipei.
#include <string>

#include "core/calendar/timestamp.h"

namespace planscore::service {

inline constexpr const char* kDefaultTimeZone = "Asia/Taipei";

// Makes `name` ("Asia/Taipei", "UTC") the process's time zone. Call it before any other
// thread starts: the C library keeps the zone in the environment. Throws
// std::invalid_argument naming the zone when the system's time zone database has no such
// zone.
void use_time_zone(const std::string& name);
// The zone in use (kDefaultTimeZone until use_time_zone chose another).
std::string time_zone();

// The agency's calendar date of `moment`, as an ISO date: "2026-12-08".
std::string agency_date(core::Clock::time_point moment);

}  // namespace planscore::service
