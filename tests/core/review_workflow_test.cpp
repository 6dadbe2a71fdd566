// The review state machine and who may take each step.
#include <gtest/gtest.h>

#include "core/workflow/review.h"

namespace planscore::core {
namespace {

using enum ReviewState;
using enum ReviewAction;

TEST(ReviewWorkflow, EveryTransitionOfTheStateMachine) {
  struct Case {
    ReviewState from;
    ReviewAction action;
    std::optional<ReviewState> to;
  };
  const Case cases[] = {
      {draft, submit, submitted},
      {returned, submit, submitted},
      {submitted, submit, std::nullopt},
      {first_reviewed, submit, std::nullopt},
      {second_reviewed, submit, std::nullopt},
      {submitted, first_review, first_reviewed},
      {draft, first_review, std::nullopt},
      {returned, first_review, std::nullopt},
      {first_reviewed, first_review, std::nullopt},
      {first_reviewed, second_review, second_reviewed},
      {submitted, second_review, std::nullopt},
      {second_reviewed, second_review, std::nullopt},
      {submitted, return_for_revision, returned},
      {first_reviewed, return_for_revision, returned},
      {second_reviewed, return_for_revision, returned},
      {draft, return_for_revision, std::nullopt},
      {returned, return_for_revision, std::nullopt},
      {submitted, withdraw, draft},
      {draft, withdraw, std::nullopt},
      {returned, withdraw, std::nullopt},
      {first_reviewed, withdraw, std::nullopt},
      {second_reviewed, withdraw, std::nullopt},
  };
  for (const auto& c : cases)
    EXPECT_EQ(next_state(c.from, c.action), c.to)
        << to_string(c.from) << " --" << to_string(c.action) << "-->";
}

TEST(ReviewWorkflow, WhoMayTakeEachStep) {
  const Actor admin{1, "a", Role::admin, ""};
  const Actor planner{2, "p", Role::planner, ""};
  const Actor editor{3, "e", Role::section_editor, "documents"};
  const Actor reviewer{4, "r", Role::section_reviewer, "documents"};
  const Actor other_reviewer{5, "o", Role::section_reviewer, "personnel"};
  const Actor viewer{6, "v", Role::viewer, ""};
  const std::string owner = "documents";

  EXPECT_TRUE(may_take(editor, submit, owner, draft));
  EXPECT_FALSE(may_take(reviewer, submit, owner, draft));
  EXPECT_FALSE(may_take(planner, submit, owner, draft));
  EXPECT_TRUE(may_take(reviewer, first_review, owner, submitted));
  EXPECT_FALSE(may_take(other_reviewer, first_review, owner, submitted));
  EXPECT_FALSE(may_take(editor, first_review, owner, submitted));
  EXPECT_TRUE(may_take(planner, second_review, owner, first_reviewed));
  EXPECT_FALSE(may_take(reviewer, second_review, owner, first_reviewed));
  EXPECT_TRUE(may_take(reviewer, return_for_revision, owner, submitted));
  EXPECT_FALSE(may_take(reviewer, return_for_revision, owner, second_reviewed));
  EXPECT_TRUE(may_take(planner, return_for_revision, owner, second_reviewed));
  EXPECT_FALSE(may_take(editor, return_for_revision, owner, submitted));
  for (auto action : {submit, first_review, second_review, return_for_revision}) {
    EXPECT_FALSE(may_take(viewer, action, owner, submitted));
    EXPECT_TRUE(may_take(admin, action, owner, submitted));
  }
  // A section role with no section owns nothing.
  EXPECT_FALSE(may_take(Actor{7, "x", Role::section_editor, ""}, submit, "", draft));
}

TEST(ReviewWorkflow, AvailableActionsAreThoseTheStateAndTheRoleAllowAndNoneWhenLocked) {
  const Actor admin{1, "a", Role::admin, ""};
  const Actor editor{3, "e", Role::section_editor, "documents"};
  const Actor reviewer{4, "r", Role::section_reviewer, "documents"};
  const Actor viewer{6, "v", Role::viewer, ""};
  using Actions = std::vector<ReviewAction>;
  EXPECT_EQ(available_actions(editor, "documents", draft, false), Actions{submit});
  EXPECT_EQ(available_actions(editor, "personnel", draft, false), Actions{});
  EXPECT_EQ(available_actions(reviewer, "documents", submitted, false),
            (Actions{first_review, return_for_revision}));
  // The section may take back what nobody has reviewed yet.
  EXPECT_EQ(available_actions(editor, "documents", submitted, false), Actions{withdraw});
  EXPECT_EQ(available_actions(editor, "documents", first_reviewed, false), Actions{});
  EXPECT_EQ(available_actions(editor, "personnel", submitted, false), Actions{});
  EXPECT_EQ(available_actions(admin, "documents", first_reviewed, false),
            (Actions{second_review, return_for_revision}));
  EXPECT_EQ(available_actions(admin, "documents", first_reviewed, true), Actions{});
  EXPECT_EQ(available_actions(viewer, "documents", submitted, false), Actions{});
}

TEST(ReviewWorkflow, TheStepAwaitedFromEachRole) {
  const Actor admin{1, "a", Role::admin, ""};
  const Actor planner{2, "p", Role::planner, ""};
  const Actor editor{3, "e", Role::section_editor, "documents"};
  const Actor reviewer{4, "r", Role::section_reviewer, "documents"};
  const Actor viewer{6, "v", Role::viewer, ""};
  EXPECT_EQ(awaited_action(editor, "documents", draft), submit);
  EXPECT_EQ(awaited_action(editor, "documents", returned), submit);
  EXPECT_EQ(awaited_action(editor, "personnel", draft), std::nullopt);
  EXPECT_EQ(awaited_action(editor, "documents", submitted), std::nullopt);
  EXPECT_EQ(awaited_action(reviewer, "documents", submitted), first_review);
  EXPECT_EQ(awaited_action(planner, "documents", first_reviewed), second_review);
  EXPECT_EQ(awaited_action(planner, "documents", submitted), std::nullopt);
  // An administrator may submit, but a draft waits for its section.
  EXPECT_EQ(awaited_action(admin, "documents", draft), std::nullopt);
  EXPECT_EQ(awaited_action(admin, "documents", submitted), first_review);
  EXPECT_EQ(awaited_action(admin, "documents", first_reviewed), second_review);
  for (auto state : {draft, submitted, first_reviewed, second_reviewed, returned})
    EXPECT_EQ(awaited_action(viewer, "documents", state), std::nullopt);
  EXPECT_EQ(awaited_action(planner, "documents", second_reviewed), std::nullopt);
}

TEST(ReviewWorkflow, NamesRoundTripAndRefusalsSayWhy) {
  for (auto state : {draft, submitted, first_reviewed, second_reviewed, returned})
    EXPECT_EQ(review_state_from_string(to_string(state)), state);
  for (auto action : {submit, first_review, second_review, return_for_revision})
    EXPECT_EQ(review_action_from_string(to_string(action)), action);
  EXPECT_EQ(review_action_from_string("approve"), std::nullopt);
  EXPECT_EQ(refusal(draft, first_review),
            "cannot give the first review: the indicator is in state draft (草稿)");
  EXPECT_TRUE(section_may_edit(draft));
  EXPECT_TRUE(section_may_edit(returned));
  EXPECT_FALSE(section_may_edit(submitted));
}

TEST(Access, SectionDataBelongsToItsSection) {
  const Actor editor{3, "e", Role::section_editor, "documents"};
  const Actor planner{2, "p", Role::planner, ""};
  const Actor admin{1, "a", Role::admin, ""};
  const Actor viewer{6, "v", Role::viewer, ""};
  EXPECT_TRUE(can_write_records(editor, "documents"));
  EXPECT_FALSE(can_write_records(editor, "personnel"));
  EXPECT_FALSE(can_write_records(editor, ""));
  EXPECT_FALSE(can_write_records(planner, "documents"));
  EXPECT_TRUE(can_write_records(admin, "documents"));
  EXPECT_TRUE(can_edit_plan(planner));
  EXPECT_FALSE(can_edit_plan(editor));
  EXPECT_FALSE(can_manage_users(planner));
  EXPECT_TRUE(can_manage_users(admin));
  EXPECT_FALSE(can_comment(viewer));
  EXPECT_TRUE(can_lock_year(planner));
  EXPECT_FALSE(can_unlock_year(planner));
  EXPECT_EQ(role_from_string("section_reviewer"), Role::section_reviewer);
  EXPECT_EQ(role_from_string("root"), std::nullopt);
}

TEST(ReviewWorkflow, SeparationOfDutiesKeepsEachPersonToOneStepOfARound) {
  const ReviewRound round{7, 8};  // 7 submitted, 8 gave the first review
  EXPECT_FALSE(separation_allows(round, 7, ReviewAction::first_review));
  EXPECT_FALSE(separation_allows(round, 7, ReviewAction::second_review));
  EXPECT_FALSE(separation_allows(round, 8, ReviewAction::second_review));
  EXPECT_TRUE(separation_allows(round, 9, ReviewAction::second_review));
  EXPECT_TRUE(separation_allows(ReviewRound{7, std::nullopt}, 8, ReviewAction::first_review));
  // Submitting again and returning are never held back.
  EXPECT_TRUE(separation_allows(round, 7, ReviewAction::submit));
  EXPECT_TRUE(separation_allows(round, 8, ReviewAction::return_for_revision));
}

}  // namespace
}  // namespace planscore::core
