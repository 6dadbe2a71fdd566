#include "service/year_locks.h"

#include "core/calendar/timestamp.h"
#include "core/workflow/review.h"
#include "service/audit.h"
#include "service/failure.h"
#include "service/plan_lookup.h"
#include "service/reviews.h"
#include "service/text_limits.h"

namespace planscore::service {

bool is_year_locked(store::Store& store, const core::Plan& plan, int year) {
  return locked_years(store, plan).contains(year);
}

std::set<int> locked_years(store::Store& store, const core::Plan& plan) {
  std::set<int> years;
  for (const auto& lock : store.year_locks(plan.id)) years.insert(lock.year);
  return years;
}

std::map<int, store::YearLock> year_locks(store::Store& store, const core::Plan& plan) {
  std::map<int, store::YearLock> locks;
  for (auto& lock : store.year_locks(plan.id)) locks.emplace(lock.year, std::move(lock));
  return locks;
}

void require_unlocked(store::Store& store, const core::Plan& plan,
                      const std::optional<core::YearSpan>& span, const std::string& what) {
  if (!span) return;
  for (const auto& lock : store.year_locks(plan.id))
    if (span->contains(lock.year))
      throw Failure(FailureKind::locked,
                    what + " belongs to year " + std::to_string(lock.year) +
                        ", which is locked; an administrator must unlock it first");
}

void lock_year(store::Store& store, const core::Plan& plan, const core::Actor& actor, int year) {
  if (!core::can_lock_year(actor))
    throw Failure(FailureKind::forbidden, "only planners and administrators may lock a year");
  require_plan_year(plan, year);
  store::Transaction transaction(store);
  if (is_year_locked(store, plan, year))
    throw Failure(FailureKind::conflict, "year " + std::to_string(year) + " is already locked");
  core::Problems waiting;
  for (const auto& review : reviews_for_year(store, plan, year))
    if (review.state != core::to_string(core::ReviewState::second_reviewed))
      waiting.push_back({review.indicator_id, "is " + review.state + ", not second_reviewed"});
  if (!waiting.empty())
    throw Failure(FailureKind::conflict,
                  "year " + std::to_string(year) +
                      " cannot be locked until every indicator has its second review (複核)",
                  waiting);
  store.lock_year({plan.id, year, core::iso_timestamp(core::Clock::now()), actor.user_id});
  audit(store, actor, {"year.lock", "year", std::to_string(year), "", "", ""});
  transaction.commit();
}

void unlock_year(store::Store& store, const core::Plan& plan, const core::Actor& actor, int year,
                 const std::string& reason) {
  if (!core::can_unlock_year(actor))
    throw Failure(FailureKind::forbidden, "only administrators may unlock a year");
  require_plan_year(plan, year);
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    throw Failure(FailureKind::invalid, "say why the year is unlocked",
                  {{"reason", "must not be empty"}});
  if (auto problem = length_problem(reason, kMaxNoteCharacters))
    throw Failure(FailureKind::invalid, "the reason is too long", {{"reason", *problem}});
  store::Transaction transaction(store);
  if (!store.unlock_year(plan.id, year))
    throw Failure(FailureKind::conflict, "year " + std::to_string(year) + " is not locked");
  audit(store, actor, {"year.unlock", "year", std::to_string(year), "", "", reason});
  transaction.commit();
}

}  // namespace planscore::service
