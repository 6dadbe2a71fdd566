// A locked year evaluates exactly as it was locked: a new version of the plan that would
// change one of its figures is refused, naming each, and the plan in force stays.
#include <gtest/gtest.h>

#include "core/calendar/timestamp.h"
#include "planfile/plan_json.h"
#include "service/demo.h"
#include "service/evaluation.h"
#include "service/failure.h"
#include "service_test_support.h"

namespace planscore::service {
namespace {

using testing::TempDatabase;

core::Indicator& indicator(core::Plan& plan, const std::string& id) {
  for (auto& dimension : plan.dimensions)
    for (auto& goal : dimension.goals)
      for (auto& candidate : goal.indicators)
        if (candidate.id == id) return candidate;
  throw std::out_of_range(id);
}

core::Goal& goal(core::Plan& plan, const std::string& id) {
  for (auto& dimension : plan.dimensions)
    for (auto& candidate : dimension.goals)
      if (candidate.id == id) return candidate;
  throw std::out_of_range(id);
}

class LockedYearPlan : public ::testing::Test {
 protected:
  void SetUp() override {
    plan_ = testing::import_shipped_plan(db_.store());
    load_demo(db_.store(), plan_);
    // The reviews that must come first are the workflow's business; here the lock itself.
    db_.store().lock_year({plan_.id, 105, core::iso_timestamp(core::Clock::now()), 0});
  }

  PlanImportResult import(const core::Plan& plan) {
    const auto version = db_.store().current_plan_version()->version;
    return import_plan(db_.store(), planfile::to_json(plan), PlanFormat::json, system_actor(),
                       version);
  }

  // The refusal of importing `plan`, after checking it left the plan in force as it was.
  Failure refusal(const core::Plan& plan) {
    const auto before = db_.store().current_plan();
    try {
      import(plan);
    } catch (const Failure& failure) {
      const auto after = db_.store().current_plan();
      EXPECT_EQ(after->version, before->version);
      EXPECT_EQ(after->document, before->document);
      return failure;
    }
    ADD_FAILURE() << "the plan change was accepted";
    return Failure(FailureKind::invalid, "accepted");
  }

  TempDatabase db_;
  core::Plan plan_;
};

TEST_F(LockedYearPlan, ATargetOfTheLockedYearCannotChange) {
  const double total = evaluate_year(db_.store(), plan_, 105).total_score;
  core::Plan edited = plan_;
  indicator(edited, "b1-1").targets[105] += 50;
  const Failure failure = refusal(edited);
  EXPECT_EQ(failure.kind, FailureKind::locked);
  EXPECT_NE(std::string(failure.what()).find("locked year(s) 105"), std::string::npos)
      << failure.what();
  ASSERT_FALSE(failure.problems.empty());
  EXPECT_EQ(failure.problems.front().code, "locked_year_target");
  EXPECT_EQ(failure.problems.front().path, "years.105.b1-1");
  EXPECT_EQ(failure.problems.front().params.at("year"), "105");
  EXPECT_EQ(evaluate_year(db_.store(), require_current_plan(db_.store()), 105).total_score, total);
}

TEST_F(LockedYearPlan, AWeightOrAFormulaThatMovesTheLockedYearCannotChange) {
  core::Plan reweighted = plan_;
  indicator(reweighted, "b1-1").weight += 1;
  goal(reweighted, "b1").weight += 1;
  indicator(reweighted, "b2-1").weight -= 1;
  goal(reweighted, "b2").weight -= 1;
  const Failure weights = refusal(reweighted);
  ASSERT_FALSE(weights.problems.empty());
  EXPECT_EQ(weights.problems.front().code, "locked_year_weight");

  core::Plan reformulated = plan_;
  indicator(reformulated, "b1-1").formula += " * 2";
  bool value_named = false;
  for (const auto& problem : refusal(reformulated).problems)
    value_named =
        value_named || (problem.code == "locked_year_value" && problem.params.at("item") == "b1-1");
  EXPECT_TRUE(value_named);
}

void drop_year(std::vector<core::BudgetLine>& lines, int year) {
  for (auto& line : lines) {
    line.years.erase(year);
    drop_year(line.children, year);
  }
}

TEST_F(LockedYearPlan, TheLockedYearCannotLeaveThePlan) {
  db_.store().lock_year({plan_.id, 107, core::iso_timestamp(core::Clock::now()), 0});
  core::Plan shorter = plan_;
  shorter.last_year = 106;
  for (auto& dimension : shorter.dimensions)
    for (auto& each_goal : dimension.goals)
      for (auto& each : each_goal.indicators) each.targets.erase(107);
  for (auto& section : shorter.sections) section.budget_share.erase(107);
  drop_year(shorter.budget, 107);
  const auto problems = [&] {
    try {
      return import(shorter).problems;  // the plan's own problems, when it has any
    } catch (const Failure& failure) {
      return failure.problems;
    }
  }();
  bool named = false;
  for (const auto& problem : problems) named = named || problem.code == "locked_year_outside_plan";
  EXPECT_TRUE(named) << (problems.empty() ? "accepted" : core::to_string(problems.front()));
}

TEST_F(LockedYearPlan, UnlockedYearsAndWordsStillChange) {
  core::Plan edited = plan_;
  indicator(edited, "b1-1").targets[106] += 50;
  indicator(edited, "b1-1").name += "（修正）";
  const auto result = import(edited);
  EXPECT_TRUE(result.problems.empty());
  auto stored = require_current_plan(db_.store());
  EXPECT_EQ(indicator(stored, "b1-1").targets.at(106),
            indicator(plan_, "b1-1").targets.at(106) + 50);
}

}  // namespace
}  // namespace planscore::service
