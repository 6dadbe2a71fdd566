#include "core/workflow/review.h"

#include "core/enum_names.h"

namespace planscore::core {
namespace {

constexpr EnumNames<ReviewState, 5> kStateNames{{
    {ReviewState::draft, "draft"},
    {ReviewState::submitted, "submitted"},
    {ReviewState::first_reviewed, "first_reviewed"},
    {ReviewState::second_reviewed, "second_reviewed"},
    {ReviewState::returned, "returned"},
}};

constexpr EnumNames<ReviewState, 5> kStateDisplayNames{{
    {ReviewState::draft, "草稿"},
    {ReviewState::submitted, "已送出"},
    {ReviewState::first_reviewed, "已初核"},
    {ReviewState::second_reviewed, "已複核"},
    {ReviewState::returned, "退回修正"},
}};

constexpr EnumNames<ReviewAction, 5> kActionNames{{
    {ReviewAction::submit, "submit"},
    {ReviewAction::first_review, "first_review"},
    {ReviewAction::second_review, "second_review"},
    {ReviewAction::return_for_revision, "return"},
    {ReviewAction::withdraw, "withdraw"},
}};

constexpr EnumNames<ReviewAction, 5> kActionDisplayNames{{
    {ReviewAction::submit, "submit"},
    {ReviewAction::first_review, "give the first review"},
    {ReviewAction::second_review, "give the second review"},
    {ReviewAction::return_for_revision, "return for revision"},
    {ReviewAction::withdraw, "withdraw the submission"},
}};

}  // namespace

std::string_view to_string(ReviewState state) {
  return name_of(kStateNames, state);
}

std::optional<ReviewState> review_state_from_string(std::string_view text) {
  return value_of(kStateNames, text);
}

std::string_view to_string(ReviewAction action) {
  return name_of(kActionNames, action);
}

std::optional<ReviewAction> review_action_from_string(std::string_view text) {
  return value_of(kActionNames, text);
}

std::string_view display_name(ReviewState state) {
  return name_of(kStateDisplayNames, state);
}

std::optional<ReviewState> next_state(ReviewState state, ReviewAction action) {
  switch (action) {
    case ReviewAction::submit:
      if (state == ReviewState::draft || state == ReviewState::returned)
        return ReviewState::submitted;
      break;
    case ReviewAction::first_review:
      if (state == ReviewState::submitted) return ReviewState::first_reviewed;
      break;
    case ReviewAction::second_review:
      if (state == ReviewState::first_reviewed) return ReviewState::second_reviewed;
      break;
    case ReviewAction::return_for_revision:
      // Each reviewer returns what is waiting for them; a 複核 result is final until the
      // planners return it themselves.
      if (state == ReviewState::submitted || state == ReviewState::first_reviewed ||
          state == ReviewState::second_reviewed)
        return ReviewState::returned;
      break;
    case ReviewAction::withdraw:
      if (state == ReviewState::submitted) return ReviewState::draft;
      break;
  }
  return std::nullopt;
}

bool separation_allows(const ReviewRound& round, std::int64_t user_id, ReviewAction action) {
  switch (action) {
    case ReviewAction::first_review:
      return round.submitted_by != user_id;
    case ReviewAction::second_review:
      return round.submitted_by != user_id && round.first_reviewed_by != user_id;
    case ReviewAction::submit:
    case ReviewAction::return_for_revision:
    case ReviewAction::withdraw:
      return true;
  }
  return true;
}

bool may_take(const Actor& actor, ReviewAction action, const std::string& owner_section,
              ReviewState from) {
  const bool own_section = !owner_section.empty() && actor.section_id == owner_section;
  const bool planner = actor.role == Role::planner || actor.role == Role::admin;
  switch (action) {
    case ReviewAction::submit:
    case ReviewAction::withdraw:
      return actor.role == Role::admin || (actor.role == Role::section_editor && own_section);
    case ReviewAction::first_review:
      return actor.role == Role::admin || (actor.role == Role::section_reviewer && own_section);
    case ReviewAction::second_review:
      return planner;
    case ReviewAction::return_for_revision:
      if (from == ReviewState::second_reviewed) return planner;
      return planner || (actor.role == Role::section_reviewer && own_section);
  }
  return false;
}

std::vector<ReviewAction> available_actions(const Actor& actor, const std::string& owner_section,
                                            ReviewState state, bool year_locked) {
  std::vector<ReviewAction> actions;
  if (year_locked) return actions;
  for (const auto action :
       {ReviewAction::submit, ReviewAction::first_review, ReviewAction::second_review,
        ReviewAction::return_for_revision, ReviewAction::withdraw})
    if (next_state(state, action) && may_take(actor, action, owner_section, state))
      actions.push_back(action);
  return actions;
}

std::optional<ReviewAction> awaited_action(const Actor& actor, const std::string& owner_section,
                                           ReviewState state) {
  const bool own_section = !owner_section.empty() && actor.section_id == owner_section;
  switch (state) {
    case ReviewState::draft:
    case ReviewState::returned:
      if (actor.role == Role::section_editor && own_section) return ReviewAction::submit;
      break;
    case ReviewState::submitted:
      if (actor.role == Role::admin || (actor.role == Role::section_reviewer && own_section))
        return ReviewAction::first_review;
      break;
    case ReviewState::first_reviewed:
      if (actor.role == Role::admin || actor.role == Role::planner)
        return ReviewAction::second_review;
      break;
    case ReviewState::second_reviewed:
      break;
  }
  return std::nullopt;
}

bool section_may_edit(ReviewState state) {
  return state == ReviewState::draft || state == ReviewState::returned;
}

std::string refusal(ReviewState state, ReviewAction action) {
  return "cannot " + std::string(name_of(kActionDisplayNames, action)) +
         ": the indicator is in state " + std::string(to_string(state)) + " (" +
         std::string(display_name(state)) + ")";
}

}  // namespace planscore::core
