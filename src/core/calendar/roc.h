#pragma once
// The ROC (民國) calendar: users see ROC years, the database keeps ISO dates.
// ROC year = Gregorian year − 1911; Taiwan's fiscal year is the calendar year.
#include <optional>
#include <string>
#include <string_view>

namespace planscore::core {

constexpr int kRocOffset = 1911;
constexpr int to_gregorian_year(int roc_year) {
  return roc_year + kRocOffset;
}
constexpr int to_roc_year(int gregorian_year) {
  return gregorian_year - kRocOffset;
}

struct Date {
  int year = 0;  // Gregorian
  int month = 0;
  int day = 0;
  auto operator<=>(const Date&) const = default;
  std::string iso() const;  // YYYY-MM-DD
  std::string roc() const;  // ROC as people write it: 104/03/15
};

// Parses a date as ISO (2015-03-15, 20150315) or ROC (104/03/15, 104.3.15, 104-3-15,
// 1040315, 民國104年3月15日), in ASCII or full-width digits and separators. Rejects
// impossible dates (2015-02-29). nullopt when not a date.
std::optional<Date> parse_date(std::string_view text);

// "2015-01-01" and "2015-12-31" of an ROC year, for scoping records to a year.
std::string first_day_iso(int roc_year);
std::string last_day_iso(int roc_year);

}  // namespace planscore::core
