#include "core/plan/validate.h"

#include <gtest/gtest.h>

namespace planscore::core {
namespace {

Plan valid_plan() {
  Plan plan;
  plan.id = "test-plan";
  plan.name = "測試計畫";
  plan.agency = "秘書處";
  plan.first_year = 104;
  plan.last_year = 105;
  plan.sections = {{"documents", "文檔科", "", {{104, 1.23}}}};
  RegisterDef trainings;
  trainings.id = "trainings";
  trainings.name = "研習";
  trainings.owner_section = "documents";
  trainings.time_field = "held_on";
  trainings.fields = {{"held_on", "日期", FieldType::date, true, {}, ""},
                      {"participants", "人數", FieldType::integer, true, {}, ""}};
  plan.registers = {trainings};
  Goal goal{"b1", 1, "研習", "", {}, 100, "documents", {}};
  Indicator a;
  a.id = "b1-1";
  a.name = "人數";
  a.weight = 60;
  a.targets = {{104, 500}, {105, 500}};
  a.formula = "sum(trainings.participants)";
  Indicator b = a;
  b.id = "b1-2";
  b.weight = 40;
  goal.indicators = {a, b};
  plan.dimensions = {{"business", "業務", {goal}}};
  BudgetLine line;
  line.number = "1";
  line.name = "研習";
  line.prior = 131;
  line.years = {{104, 147}, {105, 147}};
  plan.budget = {line};
  return plan;
}

bool has_problem(const Problems& problems, const std::string& path, const std::string& fragment) {
  for (const auto& problem : problems)
    if (problem.path == path && problem.message.find(fragment) != std::string::npos) return true;
  return false;
}

std::string all(const Problems& problems) {
  std::string text;
  for (const auto& problem : problems) text += to_string(problem) + "\n";
  return text;
}

TEST(Validate, ValidPlanHasNoProblems) {
  EXPECT_TRUE(validate(valid_plan()).empty()) << all(validate(valid_plan()));
}

TEST(Validate, IndicatorWeightsMustSumToTheGoalWeight) {
  auto plan = valid_plan();
  plan.dimensions[0].goals[0].indicators[1].weight = 39;
  auto problems = validate(plan);
  EXPECT_TRUE(has_problem(problems, "dimensions[0].goals[0].weight",
                          "indicator weights 60+39 = 99 ≠ goal weight 100"))
      << all(problems);
}

TEST(Validate, TheShareOfWeightATotalNeedsIsAPercent) {
  auto plan = valid_plan();
  plan.policy.min_valued_share = 120;
  EXPECT_TRUE(has_problem(validate(plan), "policy.min_valued_share",
                          "the share of weight that needs values is a percent, 0 to 100"));
}

TEST(Validate, GoalWeightsMustSumTo100) {
  auto plan = valid_plan();
  plan.dimensions[0].goals[0].weight = 90;
  for (auto& indicator : plan.dimensions[0].goals[0].indicators) indicator.weight = 45;
  EXPECT_TRUE(has_problem(validate(plan), "dimensions", "goal weights add up to 90, not 100"));
}

// Weights scaled to two decimals miss their sum by a hundredth or two: the message says
// which weight to change, and by how much.
TEST(Validate, AWeightSumOffByRoundingSaysWhichWeightToChange) {
  auto plan = valid_plan();
  plan.dimensions[0].goals[0].indicators[0].weight = 59.99;  // of 60 + 40 = 100
  const auto problems = validate(plan);
  EXPECT_TRUE(has_problem(problems, "dimensions[0].goals[0].weight",
                          "indicator weights 59.99+40 = 99.99 ≠ goal weight 100; the difference "
                          "of 0.01 comes from rounding: make the largest weight, " +
                              plan.dimensions[0].goals[0].indicators[0].id + " (59.99), 60"))
      << all(problems);
}

TEST(Validate, EveryPlanYearNeedsATarget) {
  auto plan = valid_plan();
  plan.dimensions[0].goals[0].indicators[0].targets.erase(105);
  EXPECT_TRUE(has_problem(validate(plan), "dimensions[0].goals[0].indicators[0].targets",
                          "no target for 105"));
}

TEST(Validate, TargetsMustFitTheKind) {
  auto plan = valid_plan();
  auto& indicator = plan.dimensions[0].goals[0].indicators[0];
  indicator.kind = IndicatorKind::yes_no;
  indicator.targets[104] = 2;
  EXPECT_TRUE(has_problem(validate(plan), "dimensions[0].goals[0].indicators[0].targets.104",
                          "1 (yes) or 0 (no)"));
  indicator.kind = IndicatorKind::higher_is_better;
  indicator.targets[104] = -5;
  EXPECT_TRUE(
      has_problem(validate(plan), "dimensions[0].goals[0].indicators[0].targets.104", "negative"));
}

TEST(Validate, FormulaProblemsNameTheIndicatorAndPosition) {
  auto plan = valid_plan();
  plan.dimensions[0].goals[0].indicators[0].formula = "sum(trainings.partcipants)";
  auto problems = validate(plan);
  EXPECT_TRUE(
      has_problem(problems, "dimensions[0].goals[0].indicators[0].formula", "line 1, column"))
      << all(problems);
  EXPECT_TRUE(has_problem(problems, "dimensions[0].goals[0].indicators[0].formula", "partcipants"))
      << all(problems);
}

TEST(Validate, MetricCyclesAreRejected) {
  auto plan = valid_plan();
  plan.metrics = {{"a", "A", "", 0, "b + 1", ""}, {"b", "B", "", 0, "a * 2", ""}};
  EXPECT_TRUE(has_problem(validate(plan), "metrics", "circle")) << all(validate(plan));
}

TEST(Validate, MetricCyclesAreReportedOnceEach) {
  auto plan = valid_plan();
  plan.metrics = {{"a", "A", "", 0, "b + 1", ""},
                  {"b", "B", "", 0, "a * 2", ""},
                  {"c", "C", "", 0, "c", ""},
                  {"d", "D", "", 0, "a + c", ""}};
  const auto problems = validate(plan);
  EXPECT_TRUE(has_problem(problems, "metrics", "circle: a → b → a")) << all(problems);
  EXPECT_TRUE(has_problem(problems, "metrics", "circle: c → c")) << all(problems);
}

// A chain of metrics each using the next: evaluating the top one recursed once per link
// (one formula deep each), and validation's own cycle search recursed through all of them.
std::vector<Metric> metric_chain(int length) {
  std::vector<Metric> metrics;
  for (int i = 0; i < length; ++i) {
    const std::string formula = i == 0 ? "1" : "m" + std::to_string(i - 1) + " + 1";
    metrics.push_back({"m" + std::to_string(i), "M", "", 0, formula, ""});
  }
  return metrics;
}

TEST(Validate, LongChainsOfMetricsAreRejected) {
  auto plan = valid_plan();
  plan.metrics = metric_chain(kMaxMetricChain);
  EXPECT_TRUE(validate(plan).empty()) << all(validate(plan));
  plan.metrics = metric_chain(kMaxMetricChain + 1);
  auto problems = validate(plan);
  ASSERT_EQ(problems.size(), 1u) << all(problems);
  EXPECT_EQ(problems[0].path, "metrics");
  EXPECT_NE(problems[0].message.find("more than 16 deep: m16 → m15 → m14"), std::string::npos)
      << problems[0].message;
  // Refused once, at the first metric too deep, however long the chain is.
  plan.metrics = metric_chain(20000);
  problems = validate(plan);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.find("deep: m16 → m15"), std::string::npos) << problems[0].message;
}

TEST(Validate, NegativeMoneyAndParentAmountsAreRejected) {
  auto plan = valid_plan();
  plan.budget[0].years[104] = -1;
  EXPECT_TRUE(has_problem(validate(plan), "budget[0].years.104", "negative"));
  plan = valid_plan();
  plan.budget[0].children = {plan.budget[0]};
  plan.budget[0].children[0].number = "1.1";
  EXPECT_TRUE(has_problem(validate(plan), "budget[0]", "carries no amounts"));
}

TEST(Validate, UnknownSectionAndBadIdentifiers) {
  auto plan = valid_plan();
  plan.dimensions[0].goals[0].owner_section = "nowhere";
  plan.registers[0].id = "Trainings; DROP TABLE x";
  auto problems = validate(plan);
  EXPECT_TRUE(has_problem(problems, "dimensions[0].goals[0].owner_section", "unknown section"));
  EXPECT_TRUE(has_problem(problems, "registers[0].id", "must start with a-z"));
}

TEST(Validate, TimeFieldMustBeADate) {
  auto plan = valid_plan();
  plan.registers[0].time_field = "participants";
  EXPECT_TRUE(has_problem(validate(plan), "registers[0].time_field", "must be a date field"));
}

TEST(Validate, AFieldDefaultMustParseForItsType) {
  auto plan = valid_plan();
  plan.registers[0].fields[1].default_value = "1";
  EXPECT_TRUE(validate(plan).empty()) << all(validate(plan));
  plan.registers[0].fields[1].default_value = "一";
  EXPECT_TRUE(
      has_problem(validate(plan), "registers[0].fields[1].default", "is not a whole number"));
}

TEST(Validate, AFieldsMinAndMaxAreWholeOrderedBoundsOfANumberField) {
  auto plan = valid_plan();
  auto& participants = plan.registers[0].fields[1];
  participants.minimum = 0;
  participants.maximum = 5000;
  participants.default_value = "1";
  EXPECT_TRUE(validate(plan).empty()) << all(validate(plan));

  participants.default_value = "6000";
  EXPECT_TRUE(has_problem(validate(plan), "registers[0].fields[1].default",
                          "the default \"6000\" is more than 5,000, the field's max"));
  participants.default_value.clear();
  participants.minimum = 10;
  participants.maximum = 5;
  EXPECT_TRUE(
      has_problem(validate(plan), "registers[0].fields[1].min", "min 10 is more than max 5"));
  participants.minimum = 0.5;
  participants.maximum = std::nullopt;
  EXPECT_TRUE(has_problem(validate(plan), "registers[0].fields[1].min",
                          "min 0.5 is not a whole number, but the field is an integer field"));
  participants.minimum = std::nullopt;
  participants.maximum = 1e13;
  EXPECT_TRUE(has_problem(validate(plan), "registers[0].fields[1].max",
                          "max 10000000000000 is outside -1000000000000 to 1000000000000"));

  auto dated = valid_plan();
  dated.registers[0].fields[0].maximum = 5;
  EXPECT_TRUE(has_problem(validate(dated), "registers[0].fields[0].max",
                          "only an integer or decimal field has a max"));
}

TEST(Validate, TheTimeFieldCannotHaveADefault) {
  auto plan = valid_plan();
  plan.registers[0].fields[0].default_value = "2015-01-01";
  EXPECT_TRUE(has_problem(validate(plan), "registers[0].fields[0].default", "time field"));
}

// A stage field records the stages of a milestone indicator; anything else it names is
// refused, and a milestone may read the furthest stage reached but not add stages up.
TEST(Validate, AStageFieldNamesAMilestoneAndIsReadByMax) {
  Plan plan = valid_plan();
  Indicator& milestone = plan.dimensions[0].goals[0].indicators[1];
  milestone.kind = IndicatorKind::milestone;
  milestone.stages = {{"發包", 50}, {"完工", 100}};
  milestone.targets = {{104, 50}, {105, 100}};
  milestone.formula = "max_to_date(trainings.stage)";
  FieldDef stage{"stage", "階段", FieldType::stage, false, {}, ""};
  stage.stages_of = "b1-2";
  stage.stages = milestone.stages;
  plan.registers[0].fields.push_back(stage);
  EXPECT_TRUE(validate(plan).empty()) << all(validate(plan));

  Plan not_a_milestone = plan;
  not_a_milestone.registers[0].fields[2].stages_of = "b1-1";
  EXPECT_TRUE(has_problem(validate(not_a_milestone), "registers[0].fields[2].indicator",
                          "milestone indicator"))
      << all(validate(not_a_milestone));

  Plan summed = plan;
  summed.dimensions[0].goals[0].indicators[1].formula = "sum(trainings.stage)";
  EXPECT_TRUE(has_problem(validate(summed), "dimensions[0].goals[0].indicators[1].formula",
                          "furthest stage"))
      << all(validate(summed));
}

TEST(Validate, PolicyNeedsItsNoValueLight) {
  auto plan = valid_plan();
  plan.policy.no_value_light = "grey";
  EXPECT_TRUE(has_problem(validate(plan), "policy.no_value_light", "not one of the lights"));
}

TEST(Validate, ChapterTextReferencesAreCheckedAtEveryDepth) {
  auto plan = valid_plan();
  Metric total;
  total.id = "participants_total";
  total.name = "研習人數";
  total.formula = "sum(trainings.participants)";
  plan.metrics = {total};
  Chapter leaf{"(一)研習", "100 至 103 年度計 {{participants_total 100-103 | 萬}} 人", "", {}};
  Chapter middle{"一、成效", "無引用的文字 {單一大括號}", "", {leaf, leaf}};
  plan.chapters = {{"壹、前言", "", "", {}}, {"貳、成效", "", "", {middle}}};
  EXPECT_TRUE(validate(plan).empty()) << all(validate(plan));

  auto& text = plan.chapters[1].children[0].children[1].text;
  text = "計 {{participant_total 104}} 人\n{{participants_total 104 | 千}}";
  auto problems = validate(plan);
  EXPECT_TRUE(has_problem(problems, "chapters[1].children[0].children[1].text",
                          "line 1, column 3: unknown metric \"participant_total\""))
      << all(problems);
  EXPECT_TRUE(has_problem(problems, "chapters[1].children[0].children[1].text",
                          "line 2, column 28: unknown format \"千\""))
      << all(problems);
  EXPECT_EQ(problems.size(), 2u) << all(problems);

  plan.chapters[1].children[0].text = "{{participants_total 104";
  EXPECT_TRUE(has_problem(validate(plan), "chapters[1].children[0].text", "is not closed"));
}

}  // namespace
}  // namespace planscore::core
