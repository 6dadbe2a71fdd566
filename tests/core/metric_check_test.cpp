#include <gtest/gtest.h>

#include <string>

#include "core/metric/check.h"
#include "core/metric/parse.h"
#include "metric_shipped_scope.h"

namespace planscore::core::metric {
namespace {

Problems check_text(std::string_view text, const Scope& scope = testing::shipped_scope()) {
  const auto parsed = parse(text);
  EXPECT_TRUE(parsed.expr) << text << " does not parse: "
                           << (parsed.problems.empty() ? "" : to_string(parsed.problems[0]));
  if (!parsed.expr) return {{"", "<parse failed>"}};
  return check(*parsed.expr, scope);
}

// The only problem's "path: message".
std::string only_problem(std::string_view text) {
  const auto problems = check_text(text);
  EXPECT_EQ(problems.size(), 1u) << text;
  return problems.empty() ? "<no problem>" : to_string(problems[0]);
}

void expect_problem_containing(std::string_view text, std::string_view part) {
  const auto problem = only_problem(text);
  EXPECT_NE(problem.find(part), std::string::npos) << text << " gave: " << problem;
}

TEST(MetricCheck, ShippedFormulasCheckClean) {
  for (const auto& formula : testing::shipped_formulas()) {
    SCOPED_TRACE(formula);
    EXPECT_EQ(check_text(formula), Problems{});
  }
}

TEST(MetricCheck, AcceptsEveryValidConstruct) {
  for (const auto* text : {
           "count(records_trainings where participants >= 10 and satisfaction < 4.5)",
           "count(records_trainings where held_on >= \"2015-03-01\" and held_on <= \"2016-02-29\")",
           "count(records_trainings.satisfaction)",
           "count_distinct(volunteers.service)",
           "count_to_date(safety_defects where fixed = no)",
           "count(safety_defects where source in (\"民眾\", \"同仁\") or not fixed = yes)",
           "sum(hr_compliance.compliant) + max(hr_compliance.disabled_employed)",
           "avg_to_date(switchboard_audits.score where operator != \"王小明\")",
           "active(volunteers where service = \"導覽\") - previous(active(volunteers))",
           "min_to_date(learning_hours.hours) * -volunteers_103 / current_executed",
           "count(hr_compliance where year = 104)",
       }) {
    SCOPED_TRACE(text);
    EXPECT_EQ(check_text(text), Problems{});
  }
}

TEST(MetricCheck, UnknownRegisterListsRegisters) {
  expect_problem_containing("count(record_trainings)",
                            "line 1, column 1: unknown register \"record_trainings\"; the "
                            "registers are: records_trainings, switchboard_audits,");
}

TEST(MetricCheck, UnknownFieldListsFields) {
  EXPECT_EQ(only_problem("1 + sum(records_trainings.partcipants)"),
            "line 1, column 5: unknown field \"partcipants\" in register \"records_trainings\"; "
            "its fields are: held_on, title, participants, satisfaction");
  EXPECT_EQ(only_problem("count(vacancies where reported = yes)"),
            "line 1, column 23: unknown field \"reported\" in register \"vacancies\"; its fields "
            "are: vacated_on, position, reported_for_exam");
  expect_problem_containing("count(vacancies where position in (\"x\") and nope = 1)",
                            "unknown field \"nope\"");
}

TEST(MetricCheck, UnknownNameListsConstantsAndMetrics) {
  EXPECT_EQ(only_problem("(active(volunteers) -\n volunteer_103)"),
            "line 2, column 2: unknown name \"volunteer_103\"; the constants and metrics are: "
            "volunteers_103, current_executed, capital_executed");
  expect_problem_containing("staff * 2",
                            "\"staff\" is a register, not a number; use a function "
                            "such as count(staff)");
  expect_problem_containing("x", "unknown name \"x\"");
  Scope empty;
  const auto problems = check_text("x", empty);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.find("defines no constants or metrics"), std::string::npos);
}

TEST(MetricCheck, NumericAggregatesNeedANumberField) {
  expect_problem_containing("sum(records_trainings)",
                            "\"sum\" needs a number field, e.g. "
                            "sum(records_trainings.participants)");
  for (const auto* function : {"sum", "avg", "min", "max", "sum_to_date", "max_to_date"}) {
    SCOPED_TRACE(function);
    expect_problem_containing(
        std::string(function) + "(records_trainings.title)",
        "cannot take \"" + std::string(function) + "\" of \"title\": it is a text field");
  }
  expect_problem_containing("avg(safety_defects.source)", "it is a choice field");
  expect_problem_containing("max(records_trainings.held_on)", "it is a date field");
  expect_problem_containing("sum(staff.name)", "register \"staff\" has no such field");
}

TEST(MetricCheck, CountDistinctNeedsAField) {
  expect_problem_containing("count_distinct(staff)", "\"count_distinct\" needs a field");
  expect_problem_containing("count_distinct_to_date(staff)",
                            "\"count_distinct_to_date\" needs a field");
}

TEST(MetricCheck, ActiveOnlyOnIntervalRegistersWithoutField) {
  EXPECT_EQ(only_problem("active(records_trainings)"),
            "line 1, column 1: \"active\" counts the entries of a roster on 31 December, but "
            "register \"records_trainings\" is kept by date, not by start and end dates; use "
            "count(records_trainings) instead");
  expect_problem_containing("active(hr_compliance)", "is kept by year");
  expect_problem_containing("active(staff.name)", "\"active\" takes no field");
  // Not writable (active_to_date is no function), but a tree built in code is still checked.
  Aggregate term;
  term.function = AggregateFunction::active;
  term.register_id = "staff";
  term.to_date = true;
  const auto problems = check(Expr{term, {}}, testing::shipped_scope());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.find("no _to_date form"), std::string::npos);
}

TEST(MetricCheck, LiteralsMustFitTheirField) {
  EXPECT_EQ(only_problem("count(records_trainings where participants = \"十\")"),
            "line 1, column 31: \"participants\" holds numbers, so compare it with a number, not "
            "\"十\"");
  expect_problem_containing("count(procurement_cases where e_tendering = 1)",
                            "\"e_tendering\" holds yes or no, so compare it with yes or no, not 1");
  expect_problem_containing("count(procurement_cases where e_tendering = \"yes\")",
                            "holds yes or no");
  expect_problem_containing("count(procurement_cases where agency = 3)",
                            "\"agency\" holds text, so compare it with text in double quotes");
  expect_problem_containing("count(procurement_cases where agency = yes)", "holds text");
  expect_problem_containing("count(records_trainings where held_on = 2015)",
                            "\"held_on\" holds dates, so compare it with a date written like "
                            "\"2015-03-01\", not 2015");
  for (const auto* bad_date : {"104/03/01", "2015-3-1", "2015-02-29", "2015-13-01", "2015-00-10",
                               "2015-04-31", "０１２３-01-01", "2015-01-01x"}) {
    SCOPED_TRACE(bad_date);
    expect_problem_containing(
        std::string("count(records_trainings where held_on = \"") + bad_date + "\")",
        "holds dates");
  }
  EXPECT_EQ(check_text("count(records_trainings where held_on = \"2016-02-29\")"), Problems{});
  EXPECT_EQ(only_problem("count(failed_tenders where outcome = \"已結案\")"),
            "line 1, column 28: \"已結案\" is not one of the choices of \"outcome\"; they are: "
            "\"已決標\", \"辦理中\", \"撤案\"");
  expect_problem_containing("count(failed_tenders where outcome in (\"已決標\", \"結案\"))",
                            "\"結案\" is not one of the choices");
  expect_problem_containing("count(failed_tenders where reason in (\"流標\", 2))", "holds text");
}

TEST(MetricCheck, OrderingOnlyOnNumbersAndDates) {
  EXPECT_EQ(only_problem("count(safety_defects where fixed > no)"),
            "line 1, column 28: \"<\", \"<=\", \">\" and \">=\" only compare numbers and dates, "
            "but \"fixed\" is a yes/no field; use \"=\" or \"!=\"");
  expect_problem_containing("count(failed_tenders where outcome <= \"撤案\")", "is a choice field");
  expect_problem_containing("count(staff where name >= \"王\")", "is a text field");
}

TEST(MetricCheck, ReportsEveryProblem) {
  const auto problems = check_text(
      "sum(nope.x) + sum(records_trainings.title where bogus = 1) / missing\n"
      "  + count(safety_defects where fixed = 1 or source = \"路人\")");
  ASSERT_EQ(problems.size(), 6u);
  EXPECT_EQ(problems[0].path, "line 1, column 1");
  EXPECT_EQ(problems[1].path, "line 1, column 15");
  EXPECT_EQ(problems[2].path, "line 1, column 49");
  EXPECT_EQ(problems[3].path, "line 1, column 62");
  EXPECT_EQ(problems[4].path, "line 2, column 32");
  EXPECT_EQ(problems[5].path, "line 2, column 45");
}

}  // namespace
}  // namespace planscore::core::metric
