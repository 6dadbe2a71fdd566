// What the server offers each user in the review workflow: the actions open to them on
// every review it returns, and what waits for their step across the plan's years. The web
// app shows these and decides nothing itself.
#include <gtest/gtest.h>

#include <set>

#include "api_fixture.h"

namespace planscore::test {
namespace {

std::set<std::string> actions_of(const nlohmann::json& review) {
  std::set<std::string> actions;
  for (const auto& action : review["available_actions"]) actions.insert(action);
  return actions;
}

// (year, indicator, action) of each pending item.
std::set<std::string> pending_of(ApiSession& session) {
  std::set<std::string> pending;
  const auto body = session.get_json("/api/reviews/pending");
  for (const auto& item : body["pending"])
    pending.insert(std::to_string(item["review"]["year"].get<int>()) + " " +
                   item["review"]["indicator_id"].get<std::string>() + " " +
                   item["action"].get<std::string>());
  return pending;
}

nlohmann::json b1_1_in_105(ApiSession& session) {
  return session.get_json("/api/reviews/105/b1-1")["review"];
}

TEST(ReviewOffers, EachUserIsOfferedExactlyTheActionsTheServerAccepts) {
  ApiWorld world;
  auto editor = world.login("editor");
  auto reviewer = world.login("reviewer");
  auto planner = world.login("planner");
  auto viewer = world.login("viewer");
  auto other = world.login("other_editor");

  EXPECT_EQ(actions_of(b1_1_in_105(*editor)), std::set<std::string>{"submit"});
  EXPECT_TRUE(actions_of(b1_1_in_105(*other)).empty());
  EXPECT_TRUE(actions_of(b1_1_in_105(*viewer)).empty());
  // The year's list carries them too, per indicator.
  const auto year = editor->get_json("/api/reviews/105");
  for (const auto& review : year["reviews"])
    EXPECT_EQ(actions_of(review).count("submit"), review["indicator_id"] == "b1-1" ? 1u : 0u)
        << review["indicator_id"];

  const auto submitted =
      editor->send("POST", "/api/reviews/105/b1-1/actions", {{"action", "submit"}, {"version", 0}});
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  // The answer to a step says what the one who took it may do next: take it back.
  EXPECT_EQ(actions_of(parse_json(submitted)), std::set<std::string>{"withdraw"});
  EXPECT_EQ(actions_of(b1_1_in_105(*reviewer)), (std::set<std::string>{"first_review", "return"}));
  EXPECT_EQ(actions_of(b1_1_in_105(*planner)), std::set<std::string>{"return"});

  // A second-reviewed result may still be returned by the planners, until the year is
  // locked: then it offers nothing to anyone.
  review_the_whole_year(world, *world.login("admin"), 105);
  EXPECT_EQ(actions_of(b1_1_in_105(*planner)), std::set<std::string>{"return"});
  EXPECT_TRUE(actions_of(b1_1_in_105(*reviewer)).empty());
  const auto locked = planner->send("POST", "/api/years/105/lock");
  ASSERT_EQ(locked.status, 200) << locked.body;
  EXPECT_TRUE(actions_of(b1_1_in_105(*planner)).empty());
  EXPECT_TRUE(actions_of(b1_1_in_105(*world.login("admin"))).empty());
}

TEST(ReviewOffers, PendingListsWhatWaitsForTheUsersStep) {
  ApiWorld world;
  auto editor = world.login("editor");
  auto reviewer = world.login("reviewer");
  auto planner = world.login("planner");
  auto viewer = world.login("viewer");

  // b1-1 is the editor's section's only indicator: a draft to submit in every year.
  EXPECT_EQ(pending_of(*editor), (std::set<std::string>{"104 b1-1 submit", "105 b1-1 submit",
                                                        "106 b1-1 submit", "107 b1-1 submit"}));
  EXPECT_TRUE(pending_of(*reviewer).empty());
  EXPECT_TRUE(pending_of(*viewer).empty());

  ASSERT_EQ(
      editor->send("POST", "/api/reviews/105/b1-1/actions", {{"action", "submit"}, {"version", 0}})
          .status,
      200);
  EXPECT_EQ(pending_of(*reviewer), std::set<std::string>{"105 b1-1 first_review"});
  EXPECT_EQ(pending_of(*editor).count("105 b1-1 submit"), 0u);
  EXPECT_TRUE(pending_of(*planner).empty());

  // Each item carries its review, with the actions open to the user.
  const auto items = reviewer->get_json("/api/reviews/pending")["pending"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(actions_of(items[0]["review"]), (std::set<std::string>{"first_review", "return"}));
}

}  // namespace
}  // namespace planscore::test
