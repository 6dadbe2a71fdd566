#pragma once
// Locked years: once every indicator of a year has its second review (複核), planners lock
// the year and its records, values, explanations and evidence become read-only. Only an
// administrator can unlock, with a reason, and both are audited.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/access/role.h"
#include "core/plan/plan.h"
#include "core/register/placement.h"
#include "store/store.h"

namespace planscore::service {

bool is_year_locked(store::Store& store, const core::Plan& plan, int year);
std::set<int> locked_years(store::Store& store, const core::Plan& plan);
// The lock of each year of the plan that has one, by year.
std::map<int, store::YearLock> year_locks(store::Store& store, const core::Plan& plan);
// Throws Failure(locked) naming `what` when any year of `span` is locked.
void require_unlocked(store::Store& store, const core::Plan& plan,
                      const std::optional<core::YearSpan>& span, const std::string& what);

void lock_year(store::Store& store, const core::Plan& plan, const core::Actor& actor, int year);
void unlock_year(store::Store& store, const core::Plan& plan, const core::Actor& actor, int year,
                 const std::string& reason);

}  // namespace planscore::service
