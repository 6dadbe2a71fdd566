#pragma once
// Which ROC years a record belongs to, by its register's time basis. A locked year
// freezes every record placed in it.
#include <optional>

#include "core/register/record.h"
#include "core/register/register.h"

namespace planscore::core {

struct YearSpan {
  int first = 0;
  std::optional<int> last;  // nullopt: an interval entry still active (no end date)
  bool contains(int year) const { return year >= first && (!last || year <= *last); }
};

// nullopt when the record has no usable time value (should not happen for a checked
// record; callers treat it as belonging to no year).
std::optional<YearSpan> placement(const RegisterDef& register_def, const Record& record);

}  // namespace planscore::core
