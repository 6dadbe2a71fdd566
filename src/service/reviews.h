#pragma once
// The review of each indicator's result per year: workflow steps, the explanation
// (未達成原因及改善措施), comments and evidence files. Rules come from core/workflow;
// this layer checks them against the stored state, versions and locks, and audits.
#include <optional>
#include <string>
#include <vector>

#include "core/access/role.h"
#include "core/plan/plan.h"
#include "core/workflow/review.h"
#include "store/store.h"

namespace planscore::service {

// The stored review, or a draft at version 0 when nothing was stored yet. Throws
// Failure(not_found) for an unknown indicator or a year outside the plan.
store::ReviewRow review_of(store::Store& store, const core::Plan& plan,
                           const std::string& indicator_id, int year);
// One review per indicator of the plan, in plan order.
std::vector<store::ReviewRow> reviews_for_year(store::Store& store, const core::Plan& plan,
                                               int year);

// The actions `actor` may take on `review` now (core::available_actions for its
// indicator's owner section; none in a locked year), less the reviews separation of duties
// keeps from whoever took an earlier step of the round (Plan::separation_of_duties).
std::vector<core::ReviewAction> available_actions(store::Store& store, const core::Plan& plan,
                                                  const core::Actor& actor,
                                                  const store::ReviewRow& review, bool year_locked);

struct PendingReview {
  store::ReviewRow review;
  core::ReviewAction action;  // the step awaited from the actor
};
// Every review waiting for `actor`'s step (core::awaited_action) in the plan's unlocked
// years, by year and then in plan order.
std::vector<PendingReview> pending_reviews(store::Store& store, const core::Plan& plan,
                                           const core::Actor& actor);

// Moves the review by `action`. A return needs a comment, which is stored as one.
store::ReviewRow take_review_action(store::Store& store, const core::Plan& plan,
                                    const core::Actor& actor, const std::string& indicator_id,
                                    int year, core::ReviewAction action, const std::string& comment,
                                    std::int64_t expected_version);

// A step taken on many reviews of a year at once (a reviewer's 初核 of everything the
// section submitted, the planners' 複核 of the year).
struct BulkReviewRequest {
  int year = 0;
  core::ReviewAction action = core::ReviewAction::submit;
  std::vector<std::string> indicators;  // empty: every indicator
  std::string section;                  // empty: every section
  std::string comment;
};
struct BulkReviewResult {
  std::vector<std::string> taken;  // indicator ids, in plan order
  core::Problems refused;          // one per refused indicator, its path the indicator id
};
// Takes the step on every chosen review that is in a state to take it and that `actor` may
// take it on; the rest are left alone. Each step is a change of its own (as one at a time
// would be), so one refusal (a miss without explanation, separation of duties) is named
// and the others still go ahead. Failure(locked) for a locked year, Failure(invalid) for an
// unknown indicator or section, Failure(forbidden) when `actor` may take the step on none.
BulkReviewResult take_review_action_in_bulk(store::Store& store, const core::Plan& plan,
                                            const core::Actor& actor,
                                            const BulkReviewRequest& request);

store::ReviewRow save_explanation(store::Store& store, const core::Plan& plan,
                                  const core::Actor& actor, const std::string& indicator_id,
                                  int year, const std::string& explanation,
                                  std::int64_t expected_version);

store::CommentRow add_comment(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                              const std::string& indicator_id, int year, const std::string& body);

struct EvidenceUpload {
  std::string file_name;
  std::string content;
};
// Checks the name, the size (≤ max_bytes) and that the type is allowed and the bytes
// really are of that type; keeps the SHA-256.
store::EvidenceRow add_evidence(store::Store& store, const core::Plan& plan,
                                const core::Actor& actor, const std::string& indicator_id, int year,
                                const EvidenceUpload& upload, std::size_t max_bytes);
// An evidence file of `plan` with its content; Failure(not_found) for another plan's.
store::EvidenceRow evidence_file(store::Store& store, const core::Plan& plan,
                                 std::int64_t evidence_id);
void delete_evidence(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                     std::int64_t evidence_id);

}  // namespace planscore::service
