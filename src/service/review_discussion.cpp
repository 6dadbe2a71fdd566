#include "service/review_discussion.h"

#include "service/audit_names.h"

namespace planscore::service {

ReviewDiscussion review_discussion(store::Store& store, const core::Plan& plan,
                                   const std::string& indicator_id, int year) {
  return {store.list_comments(plan.id, indicator_id, year),
          store.list_evidence(plan.id, indicator_id, year), display_names(store)};
}

std::string name_of(const std::map<std::int64_t, std::string>& people, std::int64_t user_id,
                    const std::string& fallback) {
  const auto found = people.find(user_id);
  return found == people.end() ? fallback : found->second;
}

}  // namespace planscore::service
