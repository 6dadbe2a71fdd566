#pragma once
// What has been said and shown about one indicator's review in a year: its comments and
// evidence files, with the display names of the people who wrote and uploaded them.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/plan/plan.h"
#include "store/store.h"

namespace planscore::service {

struct ReviewDiscussion {
  std::vector<store::CommentRow> comments;     // oldest first
  std::vector<store::EvidenceRow> evidence;    // without their content
  std::map<std::int64_t, std::string> people;  // display names by account id
};

ReviewDiscussion review_discussion(store::Store& store, const core::Plan& plan,
                                   const std::string& indicator_id, int year);

// The display name of account `user_id`, or `fallback` (the name kept with the entry) for
// an account that no longer exists.
std::string name_of(const std::map<std::int64_t, std::string>& people, std::int64_t user_id,
                    const std::string& fallback);

}  // namespace planscore::service
