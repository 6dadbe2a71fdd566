#include "service/reviews.h"

#include <algorithm>
#include <map>

#include "core/calendar/timestamp.h"
#include "core/problem_catalog.h"
#include "core/text/plan_number.h"
#include "service/audit.h"
#include "service/evaluation.h"
#include "service/evidence_types.h"
#include "service/failure.h"
#include "service/passwords.h"
#include "service/plan_lookup.h"
#include "service/snapshots.h"
#include "service/text_limits.h"
#include "service/year_locks.h"

namespace planscore::service {
namespace {

std::string review_object(const std::string& indicator_id, int year) {
  return indicator_id + "/" + std::to_string(year);
}

core::ReviewState state_of(const store::ReviewRow& review) {
  return core::review_state_from_string(review.state).value_or(core::ReviewState::draft);
}

store::ReviewRow draft_review(const core::Plan& plan, const std::string& indicator_id, int year) {
  store::ReviewRow draft;
  draft.plan_id = plan.id;
  draft.indicator_id = indicator_id;
  draft.year = year;
  draft.state = core::to_string(core::ReviewState::draft);
  return draft;
}

bool is_blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// The section's own reporting on an indicator (explanation, evidence) is open only to
// the owner section, only while the result is with it, and never in a locked year.
void require_section_may_edit(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                              const core::Indicator& indicator, const store::ReviewRow& review) {
  if (!core::can_report_indicator(actor, indicator.owner_section))
    throw Failure(FailureKind::forbidden, "only the editors of section " + indicator.owner_section +
                                              " may report on " + indicator.id);
  require_unlocked(store, plan, core::YearSpan{review.year, review.year},
                   "indicator " + indicator.id + "'s result");
  if (!core::section_may_edit(state_of(review)))
    throw Failure(FailureKind::conflict,
                  indicator.id + " is " + review.state + " (" +
                      std::string(core::display_name(state_of(review))) +
                      "); it can be changed again once it is returned for revision");
}

// A result below its target goes up the review with the section's 未達成原因及改善措施:
// a reviewer should never have to ask why.
void require_explanation_of_a_miss(store::Store& store, const core::Plan& plan,
                                   const core::Indicator& indicator,
                                   const store::ReviewRow& review) {
  if (!is_blank(review.explanation)) return;
  const auto evaluation = evaluate_year(store, plan, review.year);
  for (const auto& row : evaluation.indicators)
    if (row.indicator->id == indicator.id && row.achievement && *row.achievement < 100.0)
      throw Failure(FailureKind::invalid,
                    indicator.id + " is below its target in " + std::to_string(review.year) +
                        ": write the reasons and the improvements planned (未達成原因及改善措施) "
                        "before submitting",
                    {core::coded_problem(
                        "explanation", "explanation_needed",
                        {{"achievement", core::format_plan_number(*row.achievement, 1,
                                                                  core::NumberStyle::plain)}})});
}

// Who submitted the review's current round and who gave its first review, read back from
// the audit trail (newest first) to the round's submission.
core::ReviewRound review_round(store::Store& store, const std::string& indicator_id, int year) {
  core::ReviewRound round;
  store::AuditQuery query;
  query.object_type = "review";
  query.object_id = review_object(indicator_id, year);
  for (;;) {
    const auto entries = store.query_audit(query);
    for (const auto& entry : entries) {
      // Back with the section: no round.
      if (entry.action == "review.return" || entry.action == "review.withdraw") return round;
      if (entry.action == "review.first_review" && !round.first_reviewed_by)
        round.first_reviewed_by = entry.user_id;
      if (entry.action == "review.submit") {
        round.submitted_by = entry.user_id;
        return round;
      }
    }
    if (entries.size() < static_cast<std::size_t>(query.limit)) return round;
    query.before_id = entries.back().id;
  }
}

// Separation of duties, when the plan asks for it. The system (the command line, acting
// for the machine's administrator) is not a person and is not held to it.
bool separation_allows(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                       const store::ReviewRow& review, core::ReviewAction action) {
  if (!plan.separation_of_duties || actor.user_id == 0) return true;
  if (action != core::ReviewAction::first_review && action != core::ReviewAction::second_review)
    return true;
  return core::separation_allows(review_round(store, review.indicator_id, review.year),
                                 actor.user_id, action);
}

store::ReviewRow save(store::Store& store, const core::Actor& actor, store::ReviewRow after,
                      const store::ReviewRow& before, std::int64_t expected_version,
                      const std::string& action, const std::string& reason) {
  after.updated_at = core::iso_timestamp(core::Clock::now());
  after.updated_by = actor.user_id;
  auto version = store.save_review(after, expected_version);
  if (!version)
    throw Failure(FailureKind::conflict, "the review of " +
                                             review_object(after.indicator_id, after.year) +
                                             " was changed by someone else since you read it");
  after.version = *version;
  audit(store, actor,
        {action, "review", review_object(after.indicator_id, after.year),
         before.version ? review_snapshot(before) : "", review_snapshot(after), reason});
  return after;
}

store::CommentRow insert_comment(store::Store& store, const core::Plan& plan,
                                 const core::Actor& actor, const std::string& indicator_id,
                                 int year, const std::string& body) {
  if (is_blank(body))
    throw Failure(FailureKind::invalid, "the comment is empty", {{"body", "must not be empty"}});
  if (auto problem = length_problem(body, kMaxCommentCharacters))
    throw Failure(FailureKind::invalid, "the comment is too long", {{"body", *problem}});
  store::CommentRow comment{0,
                            plan.id,
                            indicator_id,
                            year,
                            actor.user_id,
                            actor.username,
                            body,
                            core::iso_timestamp(core::Clock::now())};
  comment.id = store.add_comment(comment);
  audit(store, actor,
        {"comment.create", "review", review_object(indicator_id, year), "",
         fields_snapshot({{"body", body}}), ""});
  return comment;
}

}  // namespace

store::ReviewRow review_of(store::Store& store, const core::Plan& plan,
                           const std::string& indicator_id, int year) {
  require_indicator(plan, indicator_id);
  require_plan_year(plan, year);
  if (auto stored = store.find_review(plan.id, indicator_id, year)) return *stored;
  return draft_review(plan, indicator_id, year);
}

std::vector<store::ReviewRow> reviews_for_year(store::Store& store, const core::Plan& plan,
                                               int year) {
  require_plan_year(plan, year);
  std::map<std::string, store::ReviewRow> stored;
  for (auto& review : store.list_reviews(plan.id, year)) stored[review.indicator_id] = review;
  std::vector<store::ReviewRow> reviews;
  for (const auto& dimension : plan.dimensions)
    for (const auto& goal : dimension.goals)
      for (const auto& indicator : goal.indicators) {
        auto found = stored.find(indicator.id);
        reviews.push_back(found != stored.end() ? found->second
                                                : draft_review(plan, indicator.id, year));
      }
  return reviews;
}

std::vector<core::ReviewAction> available_actions(store::Store& store, const core::Plan& plan,
                                                  const core::Actor& actor,
                                                  const store::ReviewRow& review,
                                                  bool year_locked) {
  const auto& indicator = require_indicator(plan, review.indicator_id);
  auto actions =
      core::available_actions(actor, indicator.owner_section, state_of(review), year_locked);
  std::erase_if(actions, [&](core::ReviewAction action) {
    return !separation_allows(store, plan, actor, review, action);
  });
  return actions;
}

std::vector<PendingReview> pending_reviews(store::Store& store, const core::Plan& plan,
                                           const core::Actor& actor) {
  std::vector<PendingReview> pending;
  for (int year = plan.first_year; year <= plan.last_year; ++year) {
    if (is_year_locked(store, plan, year)) continue;
    for (auto& review : reviews_for_year(store, plan, year)) {
      const auto& indicator = require_indicator(plan, review.indicator_id);
      const auto action = core::awaited_action(actor, indicator.owner_section, state_of(review));
      if (action && separation_allows(store, plan, actor, review, *action))
        pending.push_back({std::move(review), *action});
    }
  }
  return pending;
}

store::ReviewRow take_review_action(store::Store& store, const core::Plan& plan,
                                    const core::Actor& actor, const std::string& indicator_id,
                                    int year, core::ReviewAction action, const std::string& comment,
                                    std::int64_t expected_version) {
  const auto& indicator = require_indicator(plan, indicator_id);
  store::Transaction transaction(store);
  const store::ReviewRow before = review_of(store, plan, indicator_id, year);
  const core::ReviewState from = state_of(before);
  if (!core::may_take(actor, action, indicator.owner_section, from))
    throw Failure(FailureKind::forbidden, "your role does not allow you to " +
                                              std::string(core::to_string(action)) + " " +
                                              indicator_id);
  require_unlocked(store, plan, core::YearSpan{year, year},
                   "indicator " + indicator_id + "'s result");
  if (!separation_allows(store, plan, actor, before, action))
    throw Failure(FailureKind::forbidden,
                  "separation of duties: you took an earlier step of this review of " +
                      review_object(indicator_id, year) + "; another person must " +
                      std::string(core::to_string(action)),
                  {core::coded_problem("action", "same_person_steps",
                                       {{"action", std::string(core::to_string(action))}})});
  if (before.version != expected_version)
    throw Failure(FailureKind::conflict, "the review of " + review_object(indicator_id, year) +
                                             " was changed by someone else since you read it");
  const auto to = core::next_state(from, action);
  if (!to) throw Failure(FailureKind::conflict, core::refusal(from, action));
  if (action == core::ReviewAction::return_for_revision && is_blank(comment))
    throw Failure(FailureKind::invalid, "say what needs revising",
                  {{"comment", "a return for revision needs a comment"}});
  if (action == core::ReviewAction::submit)
    require_explanation_of_a_miss(store, plan, indicator, before);

  store::ReviewRow after = before;
  after.state = core::to_string(*to);
  after = save(store, actor, after, before, expected_version,
               "review." + std::string(core::to_string(action)), comment);
  if (!is_blank(comment)) insert_comment(store, plan, actor, indicator_id, year, comment);
  transaction.commit();
  return after;
}

BulkReviewResult take_review_action_in_bulk(store::Store& store, const core::Plan& plan,
                                            const core::Actor& actor,
                                            const BulkReviewRequest& request) {
  require_plan_year(plan, request.year);
  for (const auto& indicator_id : request.indicators)
    if (!plan.find_indicator(indicator_id))
      throw Failure(FailureKind::invalid, "there is no indicator \"" + indicator_id + "\"",
                    {{"indicators", "\"" + indicator_id + "\" is not an indicator of the plan"}});
  if (!request.section.empty() && !plan.find_section(request.section))
    throw Failure(FailureKind::invalid, "there is no section \"" + request.section + "\"",
                  {{"section", "not a section of the plan"}});
  require_unlocked(store, plan, core::YearSpan{request.year, request.year},
                   "the results of " + std::to_string(request.year));
  const auto chosen = [&](const core::Indicator& indicator) {
    return (request.indicators.empty() ||
            std::ranges::find(request.indicators, indicator.id) != request.indicators.end()) &&
           (request.section.empty() || indicator.owner_section == request.section);
  };
  BulkReviewResult result;
  bool allowed_any = false;
  for (const auto& review : reviews_for_year(store, plan, request.year)) {
    const auto& indicator = require_indicator(plan, review.indicator_id);
    const auto from = state_of(review);
    if (!chosen(indicator) || !core::may_take(actor, request.action, indicator.owner_section, from))
      continue;
    allowed_any = true;
    if (!core::next_state(from, request.action)) continue;
    try {
      take_review_action(store, plan, actor, review.indicator_id, request.year, request.action,
                         request.comment, review.version);
      result.taken.push_back(review.indicator_id);
    } catch (const Failure& failure) {
      if (failure.kind != FailureKind::invalid && failure.kind != FailureKind::forbidden &&
          failure.kind != FailureKind::conflict)
        throw;
      core::Problem refusal{review.indicator_id, failure.what()};
      for (const auto& problem : failure.problems)
        if (problem.code != "invalid") {
          refusal.code = problem.code;
          refusal.params = problem.params;
          break;
        }
      result.refused.push_back(std::move(refusal));
    }
  }
  if (!allowed_any)
    throw Failure(FailureKind::forbidden, "your role does not allow you to " +
                                              std::string(core::to_string(request.action)) +
                                              " any of the chosen indicators of " +
                                              std::to_string(request.year));
  return result;
}

store::ReviewRow save_explanation(store::Store& store, const core::Plan& plan,
                                  const core::Actor& actor, const std::string& indicator_id,
                                  int year, const std::string& explanation,
                                  std::int64_t expected_version) {
  const auto& indicator = require_indicator(plan, indicator_id);
  if (auto problem = length_problem(explanation, kMaxCommentCharacters))
    throw Failure(FailureKind::invalid, "the explanation is too long", {{"explanation", *problem}});
  store::Transaction transaction(store);
  const store::ReviewRow before = review_of(store, plan, indicator_id, year);
  require_section_may_edit(store, plan, actor, indicator, before);
  store::ReviewRow after = before;
  after.explanation = explanation;
  after = save(store, actor, after, before, expected_version, "review.explanation", "");
  transaction.commit();
  return after;
}

store::CommentRow add_comment(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                              const std::string& indicator_id, int year, const std::string& body) {
  require_indicator(plan, indicator_id);
  require_plan_year(plan, year);
  if (!core::can_comment(actor))
    throw Failure(FailureKind::forbidden, "viewers may read comments but not write them");
  store::Transaction transaction(store);
  auto comment = insert_comment(store, plan, actor, indicator_id, year, body);
  transaction.commit();
  return comment;
}

store::EvidenceRow add_evidence(store::Store& store, const core::Plan& plan,
                                const core::Actor& actor, const std::string& indicator_id, int year,
                                const EvidenceUpload& upload, std::size_t max_bytes) {
  const auto& indicator = require_indicator(plan, indicator_id);
  if (auto problem = file_name_problem(upload.file_name))
    throw Failure(FailureKind::invalid, "the evidence file was not stored",
                  {{"file_name", *problem}});
  if (upload.content.size() > max_bytes)
    throw Failure(FailureKind::invalid, "the evidence file was not stored",
                  {{"content", "the file has " + std::to_string(upload.content.size()) +
                                   " bytes; the limit is " + std::to_string(max_bytes)}});
  const auto content_type = evidence_content_type(upload.file_name, upload.content);
  if (!content_type)
    throw Failure(FailureKind::invalid, "the evidence file was not stored",
                  {{"file_name", "allowed types are " + allowed_evidence_extensions() +
                                     ", and the content must match the type"}});
  store::Transaction transaction(store);
  require_section_may_edit(store, plan, actor, indicator,
                           review_of(store, plan, indicator_id, year));
  store::EvidenceRow evidence;
  evidence.plan_id = plan.id;
  evidence.indicator_id = indicator_id;
  evidence.year = year;
  evidence.file_name = upload.file_name;
  evidence.content_type = *content_type;
  evidence.size = static_cast<std::int64_t>(upload.content.size());
  evidence.sha256 = sha256_hex(upload.content);
  evidence.content = upload.content;
  evidence.uploaded_by = actor.user_id;
  evidence.uploaded_at = core::iso_timestamp(core::Clock::now());
  evidence.id = store.add_evidence(evidence);
  audit(store, actor,
        {"evidence.create", "evidence", std::to_string(evidence.id), "",
         evidence_snapshot(evidence), ""});
  transaction.commit();
  evidence.content.clear();
  return evidence;
}

store::EvidenceRow evidence_file(store::Store& store, const core::Plan& plan,
                                 std::int64_t evidence_id) {
  auto evidence = store.find_evidence(evidence_id);
  if (!evidence || evidence->plan_id != plan.id)
    throw Failure(FailureKind::not_found,
                  "the plan has no evidence file " + std::to_string(evidence_id));
  return *evidence;
}

void delete_evidence(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                     std::int64_t evidence_id) {
  store::Transaction transaction(store);
  auto evidence = evidence_file(store, plan, evidence_id);
  const auto& indicator = require_indicator(plan, evidence.indicator_id);
  require_section_may_edit(store, plan, actor, indicator,
                           review_of(store, plan, evidence.indicator_id, evidence.year));
  store.delete_evidence(evidence_id);
  audit(store, actor,
        {"evidence.delete", "evidence", std::to_string(evidence_id), evidence_snapshot(evidence),
         "", ""});
  transaction.commit();
}

}  // namespace planscore::service
