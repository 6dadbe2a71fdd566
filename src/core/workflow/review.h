#pragma once
// The review of one indicator in one year: the section submits its result, the section's
// reviewer gives the first review (初核), the planners the second (複核); either reviewer
// may return it for revision with a comment. Pure rules; the service stores the state.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/role.h"

namespace planscore::core {

enum class ReviewState { draft, submitted, first_reviewed, second_reviewed, returned };
// withdraw: the section takes back a submission nobody has reviewed yet.
enum class ReviewAction { submit, first_review, second_review, return_for_revision, withdraw };

std::string_view to_string(ReviewState state);
std::optional<ReviewState> review_state_from_string(std::string_view text);
std::string_view to_string(ReviewAction action);
std::optional<ReviewAction> review_action_from_string(std::string_view text);

// The state `action` leads to from `state`, or nullopt when it is not allowed from there.
std::optional<ReviewState> next_state(ReviewState state, ReviewAction action);

// Whether `actor` may take `action` on an indicator owned by `owner_section` that is in
// state `from` (a 複核 result can be returned only by the planners).
bool may_take(const Actor& actor, ReviewAction action, const std::string& owner_section,
              ReviewState from);

// The actions `actor` may take now, in the order of ReviewAction: allowed from `state`
// and to the actor, none in a locked year. What the web app offers, decided here.
std::vector<ReviewAction> available_actions(const Actor& actor, const std::string& owner_section,
                                            ReviewState state, bool year_locked);

// The step the review waits for from `actor`, if any: the section editor's submission of
// a draft or returned result, the section reviewer's first review, the planners' second
// (an administrator is waited for at both reviews). Returning is never waited for.
std::optional<ReviewAction> awaited_action(const Actor& actor, const std::string& owner_section,
                                           ReviewState state);

// Who took the steps of a review's current round (since its last submission).
struct ReviewRound {
  std::optional<std::int64_t> submitted_by;
  std::optional<std::int64_t> first_reviewed_by;
};

// Separation of duties: whether `user_id` may take `action` in `round` — nobody gives the
// first review of a result they submitted, nor the second of one they submitted or gave
// the first review of. Submitting and returning are never held back by it.
bool separation_allows(const ReviewRound& round, std::int64_t user_id, ReviewAction action);

// The section may change its explanation and evidence only while the result is with it.
bool section_may_edit(ReviewState state);

// A clear reason why `action` is refused from `state` (for messages), e.g.
// "cannot give the first review: the indicator is in state draft (草稿)".
std::string refusal(ReviewState state, ReviewAction action);

// zh-TW names for people: 草稿, 已送出, 已初核, 已複核, 退回修正.
std::string_view display_name(ReviewState state);

}  // namespace planscore::core
