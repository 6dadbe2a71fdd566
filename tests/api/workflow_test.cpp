// The review workflow through the API: legal and illegal steps, who may take them,
// explanations and evidence, locking a year and the audited unlock.
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace planscore::test {
namespace {

nlohmann::json act(ApiSession& session, const std::string& indicator, int year,
                   const std::string& action, int expected_status,
                   const std::string& comment = "") {
  auto review =
      session.get_json("/api/reviews/" + std::to_string(year) + "/" + indicator)["review"];
  nlohmann::json body{{"action", action}, {"version", review["version"]}};
  if (!comment.empty()) body["comment"] = comment;
  auto result = session.send(
      "POST", "/api/reviews/" + std::to_string(year) + "/" + indicator + "/actions", body);
  EXPECT_EQ(result.status, expected_status) << action << " " << indicator << ": " << result.body;
  return parse_json(result);
}

TEST(Workflow, SectionSubmitsReviewerGivesFirstReviewPlannerTheSecond) {
  ApiWorld world;
  auto editor = world.login("editor");
  auto reviewer = world.login("reviewer");
  auto planner = world.login("planner");
  auto other = world.login("other_editor");

  auto explained = editor->send("PUT", "/api/reviews/105/b1-1/explanation",
                                {{"explanation", "研習場次因疫情減少"}, {"version", 0}});
  ASSERT_EQ(explained.status, 200) << explained.body;
  EXPECT_EQ(parse_json(explained)["version"], 1);
  // A stale version changes nothing.
  EXPECT_EQ(
      editor
          ->send("PUT", "/api/reviews/105/b1-1/explanation", {{"explanation", "x"}, {"version", 0}})
          .status,
      409);

  act(*other, "b1-1", 105, "submit", 403);
  act(*reviewer, "b1-1", 105, "first_review", 409);  // nothing submitted yet
  EXPECT_EQ(act(*editor, "b1-1", 105, "submit", 200)["state"], "submitted");
  // Once submitted, the section cannot change its explanation.
  EXPECT_EQ(editor
                ->send("PUT", "/api/reviews/105/b1-1/explanation",
                       {{"explanation", "改"}, {"version", 2}})
                .status,
            409);
  act(*planner, "b1-1", 105, "second_review", 409);  // 初核 comes first
  act(*editor, "b1-1", 105, "first_review", 403);
  EXPECT_EQ(act(*reviewer, "b1-1", 105, "first_review", 200)["state"], "first_reviewed");
  act(*reviewer, "b1-1", 105, "second_review", 403);
  act(*planner, "b1-1", 105, "return", 422);  // a return needs a comment
  EXPECT_EQ(act(*planner, "b1-1", 105, "return", 200, "請補充改善措施")["state"], "returned");
  auto detail = editor->get_json("/api/reviews/105/b1-1");
  EXPECT_EQ(detail["comments"].back()["body"], "請補充改善措施");
  EXPECT_EQ(act(*editor, "b1-1", 105, "submit", 200)["state"], "submitted");
  act(*reviewer, "b1-1", 105, "first_review", 200);
  EXPECT_EQ(act(*planner, "b1-1", 105, "second_review", 200)["state"], "second_reviewed");
  act(*editor, "b1-1", 105, "submit", 409);
  act(*reviewer, "b1-1", 105, "return", 403, "only planners return a 複核 result");

  auto trail =
      planner->get_json("/api/audit?object_type=review&object_id=b1-1/105&limit=50")["entries"];
  std::vector<std::string> actions;
  for (const auto& entry : trail) actions.push_back(entry["action"]);
  EXPECT_EQ(actions.front(), "review.second_review");
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "review.submit"), 2);
  EXPECT_EQ(actions.back(), "review.explanation");
}

// A result below its target goes up with its 未達成原因及改善措施.
TEST(Workflow, AMissedTargetIsSubmittedOnlyWithItsExplanation) {
  ApiWorld world;
  auto editor = world.login("editor");
  ASSERT_EQ(editor
                ->send("PUT", "/api/values/b1-1/105",
                       {{"value", 100}, {"note", "研習簽到表"}, {"version", 0}})
                .status,
            200);
  const auto refused = act(*editor, "b1-1", 105, "submit", 422);
  ASSERT_FALSE(refused["errors"].empty());
  EXPECT_EQ(refused["errors"][0]["path"], "explanation");
  EXPECT_EQ(refused["errors"][0]["code"], "explanation_needed");
  EXPECT_EQ(editor->get_json("/api/reviews/105/b1-1")["review"]["state"], "draft");
  ASSERT_EQ(editor
                ->send("PUT", "/api/reviews/105/b1-1/explanation",
                       {{"explanation", "講師異動，改於下半年補辦"}, {"version", 0}})
                .status,
            200);
  EXPECT_EQ(act(*editor, "b1-1", 105, "submit", 200)["state"], "submitted");
}

// One person may not take two steps of a review: an administrator, who may take every
// step, submits and is then neither offered nor allowed either review of it.
TEST(Workflow, WhoeverSubmittedMayNotReviewTheSameResult) {
  ApiWorld world;
  auto admin = world.login("admin");
  auto second_admin = world.login_second_admin(*admin);
  auto planner = world.login("planner");
  act(*admin, "b1-1", 104, "submit", 200);
  const auto offered = admin->get_json("/api/reviews/104/b1-1")["review"]["available_actions"];
  EXPECT_EQ(std::count(offered.begin(), offered.end(), "first_review"), 0) << offered;
  const auto refused = act(*admin, "b1-1", 104, "first_review", 403);
  EXPECT_EQ(refused["errors"][0]["code"], "same_person_steps");
  act(*second_admin, "b1-1", 104, "first_review", 200);
  act(*second_admin, "b1-1", 104, "second_review", 403);  // gave the first review
  act(*admin, "b1-1", 104, "second_review", 403);         // submitted it
  EXPECT_EQ(act(*planner, "b1-1", 104, "second_review", 200)["state"], "second_reviewed");
  // Returned and submitted again, a new round begins: who may review follows that round.
  act(*planner, "b1-1", 104, "return", 200, "請補充");
  ASSERT_EQ(world.login("editor")
                ->send("POST", "/api/reviews/104/b1-1/actions",
                       {{"action", "submit"},
                        {"version", admin->get_json("/api/reviews/104/b1-1")["review"]["version"]}})
                .status,
            200);
  act(*admin, "b1-1", 104, "first_review", 200);
}

// The section takes back a submission nobody has reviewed yet, and only then.
TEST(Workflow, TheSectionWithdrawsASubmissionNotYetReviewed) {
  ApiWorld world;
  auto editor = world.login("editor");
  auto other = world.login("other_editor");
  auto reviewer = world.login("reviewer");
  act(*editor, "b1-1", 106, "submit", 200);
  act(*other, "b1-1", 106, "withdraw", 403);
  EXPECT_EQ(act(*editor, "b1-1", 106, "withdraw", 200)["state"], "draft");
  act(*editor, "b1-1", 106, "withdraw", 409);  // nothing submitted now
  act(*editor, "b1-1", 106, "submit", 200);
  act(*reviewer, "b1-1", 106, "first_review", 200);
  act(*editor, "b1-1", 106, "withdraw", 409);  // reviewed: too late
  const auto trail = world.login("planner")->get_json(
      "/api/audit?object_type=review&object_id=b1-1/106&limit=50")["entries"];
  EXPECT_EQ(std::count_if(trail.begin(), trail.end(),
                          [](const auto& entry) { return entry["action"] == "review.withdraw"; }),
            1);
}

// Steps taken on many indicators in one request: what is not in a state to take the step
// is left alone, and each refusal is named while the rest go ahead.
TEST(Workflow, AStepTakenOnManyIndicatorsAtOnce) {
  ApiWorld world;
  auto admin = world.login("admin");
  auto second_admin = world.login_second_admin(*admin);
  auto editor = world.login("editor");
  auto planner = world.login("planner");
  auto viewer = world.login("viewer");
  auto bulk = [](ApiSession& session, const nlohmann::json& body, int expected_status) {
    auto result = session.send("POST", "/api/reviews/106/actions", body);
    EXPECT_EQ(result.status, expected_status) << body << ": " << result.body;
    return parse_json(result);
  };
  auto state_of = [&](const nlohmann::json& id) {
    return planner->get_json("/api/reviews/106/" + id.get<std::string>())["review"]["state"];
  };
  // A missed target without its explanation is refused by name; the rest go up.
  ASSERT_EQ(editor
                ->send("PUT", "/api/values/b1-1/106",
                       {{"value", 1}, {"note", "研習簽到表"}, {"version", 0}})
                .status,
            200);
  const auto submitted = bulk(*admin, {{"action", "submit"}}, 200);
  ASSERT_GE(submitted["taken"].size(), 2u) << submitted;
  ASSERT_EQ(submitted["refused"].size(), 1u) << submitted;
  EXPECT_EQ(submitted["refused"][0]["path"], "b1-1");
  EXPECT_EQ(submitted["refused"][0]["code"], "explanation_needed");
  for (const auto& id : submitted["taken"]) EXPECT_EQ(state_of(id), "submitted");
  EXPECT_EQ(state_of("b1-1"), "draft");

  bulk(*viewer, {{"action", "first_review"}}, 403);
  bulk(*second_admin, {{"action", "first_review"}, {"indicators", {"no-such"}}}, 422);
  bulk(*second_admin, {{"action", "approve"}}, 400);
  // Separation of duties holds in bulk as one at a time: whoever submitted reviews nothing.
  const auto own = bulk(*admin, {{"action", "first_review"}}, 200);
  EXPECT_TRUE(own["taken"].empty());
  EXPECT_EQ(own["refused"].size(), submitted["taken"].size());
  const auto first = bulk(*second_admin, {{"action", "first_review"}}, 200);
  EXPECT_EQ(first["taken"], submitted["taken"]);
  EXPECT_TRUE(first["refused"].empty());
  // Only the listed indicators are touched.
  const auto one = submitted["taken"][0];
  const auto second = bulk(*planner, {{"action", "second_review"}, {"indicators", {one}}}, 200);
  EXPECT_EQ(second["taken"], nlohmann::json::array({one}));
  EXPECT_EQ(state_of(one), "second_reviewed");
  EXPECT_EQ(state_of(submitted["taken"][1]), "first_reviewed");
}

TEST(Workflow, ALockedYearIsReadOnlyUntilAnAdministratorUnlocksItWithAReason) {
  ApiWorld world;
  auto admin = world.login("admin");
  auto planner = world.login("planner");
  auto editor = world.login("editor");
  auto refused = planner->send("POST", "/api/years/104/lock");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(parse_json(refused)["errors"].size(), 13u);

  review_the_whole_year(world, *admin, 104);
  ASSERT_EQ(planner->send("POST", "/api/years/104/lock").status, 200);
  EXPECT_EQ(planner->get_json("/api/years")[0]["locked"], true);

  const nlohmann::json record{
      {"values", {{"held_on", "2015-05-01"}, {"title", "研習"}, {"participants", 40}}}};
  auto locked = editor->send("POST", "/api/registers/records_trainings/records", record);
  EXPECT_EQ(locked.status, 423) << locked.body;
  EXPECT_EQ(
      editor->send("PUT", "/api/values/b1-1/104", {{"value", 1}, {"note", "x"}, {"version", 0}})
          .status,
      423);
  EXPECT_EQ(
      editor->send_raw("POST", "/api/reviews/104/b1-1/evidence?file_name=a.txt", "x", "text/plain")
          .status,
      423);
  // Another year is not affected.
  EXPECT_EQ(
      editor
          ->send("POST", "/api/registers/records_trainings/records",
                 {{"values", {{"held_on", "2016-05-01"}, {"title", "研習"}, {"participants", 40}}}})
          .status,
      201);

  EXPECT_EQ(planner->send("POST", "/api/years/104/unlock", {{"reason", "更正"}}).status, 403);
  EXPECT_EQ(admin->send("POST", "/api/years/104/unlock", {{"reason", "  "}}).status, 422);
  ASSERT_EQ(
      admin->send("POST", "/api/years/104/unlock", {{"reason", "人事處更正 104 年資料"}}).status,
      200);
  auto trail = admin->get_json("/api/audit?object_type=year&limit=5")["entries"];
  EXPECT_EQ(trail[0]["action"], "year.unlock");
  EXPECT_EQ(trail[0]["reason"], "人事處更正 104 年資料");
  EXPECT_EQ(trail[0]["username"], "t_admin");
  EXPECT_EQ(editor->send("POST", "/api/registers/records_trainings/records", record).status, 201);
}

TEST(Workflow, EvidenceIsCheckedStoredWithItsDigestAndServedBack) {
  ApiWorld world;
  auto editor = world.login("editor");
  const std::string pdf =
      std::string("%PDF-1.4\n") + std::string("\0\x01\x02 binary", 10) + "\n%%EOF\n";
  auto stored = editor->send_raw(
      "POST", "/api/reviews/105/b1-1/evidence?file_name=%E7%B0%BD%E5%88%B0%E8%A1%A8.pdf", pdf,
      "application/pdf");
  ASSERT_EQ(stored.status, 201) << stored.body;
  auto evidence = parse_json(stored);
  EXPECT_EQ(evidence["file_name"], "簽到表.pdf");
  EXPECT_EQ(evidence["size"], pdf.size());
  EXPECT_EQ(evidence["sha256"].get<std::string>().size(), 64u);
  auto download = editor->get("/api/evidence/" + std::to_string(evidence["id"].get<long>()));
  EXPECT_EQ(download.status, 200);
  EXPECT_EQ(download.body, pdf);
  EXPECT_EQ(download.header("content-type"), "application/pdf");
  EXPECT_NE(download.header("content-disposition").find("attachment"), std::string::npos);

  EXPECT_EQ(editor
                ->send_raw("POST", "/api/reviews/105/b1-1/evidence?file_name=run.exe", "MZ",
                           "application/octet-stream")
                .status,
            422);
  EXPECT_EQ(editor
                ->send_raw("POST", "/api/reviews/105/b1-1/evidence?file_name=fake.pdf",
                           "MZ not a pdf", "application/pdf")
                .status,
            422);
  EXPECT_EQ(
      editor
          ->send_raw("POST", "/api/reviews/105/b1-1/evidence?file_name=..%2F..%2Fetc%2Fpasswd.txt",
                     "x", "text/plain")
          .status,
      422);
  EXPECT_EQ(editor->get_json("/api/reviews/105/b1-1")["evidence"].size(), 1u);
}

}  // namespace
}  // namespace planscore::test
