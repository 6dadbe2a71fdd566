// The aggregate compiler on its own: SQL shape, placeholders, bound values.
#include "store/aggregate_sql.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(AggregateSqlTest, ShippedFormulaUsesPlaceholdersAndNoLiteralValues) {
  // b4-1: sum(procurement_trainings.participants where category = "採購專業人員訓練")
  const CompiledPass query =
      compile(procurement_trainings(),
              term(AggregateFunction::sum, "procurement_trainings", "participants",
                   equals("category", std::string("採購專業人員訓練"))),
              104);
  EXPECT_EQ(query.sql,
            "SELECT COALESCE(SUM(f_participants), 0) FROM reg_procurement_trainings "
            "WHERE f_held_on BETWEEN :p1 AND :p2 AND (f_category = :p3)");
  EXPECT_THAT(query.sql, Not(HasSubstr("採購")));
  EXPECT_THAT(query.sql, Not(HasSubstr("2015")));
  EXPECT_THAT(query.sql, Not(HasSubstr("'")));
  EXPECT_THAT(query.parameters,
              ElementsAre(SqlValue(std::string("2015-01-01")), SqlValue(std::string("2015-12-31")),
                          SqlValue(std::string("採購專業人員訓練"))));
}

TEST(AggregateSqlTest, YesLiteralBindsOne) {
  // b4-2: count(procurement_cases where e_tendering = yes)
  const CompiledPass query = compile(
      procurement_cases(),
      term(AggregateFunction::count, "procurement_cases", "", equals("e_tendering", true)), 104);
  EXPECT_THAT(query.sql, HasSubstr("COUNT(*)"));
  EXPECT_THAT(query.sql, HasSubstr("(f_e_tendering = :p3)"));
  EXPECT_EQ(query.parameters.at(2), SqlValue(std::int64_t{1}));
}

TEST(AggregateSqlTest, NumbersBindAsDouble) {
  const CompiledPass query = compile(records_trainings(),
                                     term(AggregateFunction::count, "records_trainings", "",
                                          compare("participants", CompareOp::ge, 30.0)),
                                     104);
  EXPECT_THAT(query.sql, HasSubstr("f_participants >= :p3"));
  EXPECT_EQ(query.parameters.at(2), SqlValue(30.0));
}

TEST(AggregateSqlTest, FunctionsMapToSql) {
  const auto sql = [](AggregateFunction function) {
    return compile(records_trainings(), term(function, "records_trainings", "participants"), 104)
        .sql;
  };
  EXPECT_THAT(sql(AggregateFunction::count), HasSubstr("SELECT COUNT(f_participants) FROM"));
  EXPECT_THAT(sql(AggregateFunction::sum), HasSubstr("COALESCE(SUM(f_participants), 0)"));
  EXPECT_THAT(sql(AggregateFunction::avg), HasSubstr("AVG(f_participants)"));
  EXPECT_THAT(sql(AggregateFunction::min), HasSubstr("MIN(f_participants)"));
  EXPECT_THAT(sql(AggregateFunction::max), HasSubstr("MAX(f_participants)"));
  EXPECT_THAT(sql(AggregateFunction::count_distinct), HasSubstr("COUNT(DISTINCT f_participants)"));
}

TEST(AggregateSqlTest, YearScopeFollowsTimeBasis) {
  const CompiledPass by_date =
      compile(records_trainings(),
              term(AggregateFunction::count, "records_trainings", "", nullptr, true), 104);
  EXPECT_THAT(by_date.sql, HasSubstr("WHERE f_held_on <= :p1"));
  EXPECT_THAT(by_date.parameters, ElementsAre(SqlValue(std::string("2015-12-31"))));

  const CompiledPass by_year =
      compile(budget_execution(), term(AggregateFunction::sum, "budget_execution", "budget"), 105);
  EXPECT_THAT(by_year.sql, HasSubstr("WHERE f_year = :p1"));
  EXPECT_THAT(by_year.parameters, ElementsAre(SqlValue(std::int64_t{105})));

  const CompiledPass overlapping =
      compile(volunteers(), term(AggregateFunction::count, "volunteers"), 104);
  EXPECT_THAT(overlapping.sql,
              HasSubstr("WHERE f_joined <= :p1 AND (f_left IS NULL OR f_left >= :p2)"));
  EXPECT_THAT(overlapping.parameters, ElementsAre(SqlValue(std::string("2015-12-31")),
                                                  SqlValue(std::string("2015-01-01"))));

  const CompiledPass active =
      compile(volunteers(), term(AggregateFunction::active, "volunteers"), 104);
  EXPECT_THAT(active.sql, HasSubstr("WHERE f_joined <= :p1 AND (f_left IS NULL OR f_left > :p2)"));
  EXPECT_THAT(active.parameters, ElementsAre(SqlValue(std::string("2015-12-31")),
                                             SqlValue(std::string("2015-12-31"))));
}

TEST(AggregateSqlTest, ConditionTreeKeepsItsShape) {
  const CompiledPass query =
      compile(procurement_trainings(),
              term(AggregateFunction::count, "procurement_trainings", "",
                   both(either(equals("category", std::string("採購法專題講座")),
                               in_list("title", {std::string("甲"), std::string("乙")})),
                        negate(compare("participants", CompareOp::ne, 0.0)))),
              104);
  EXPECT_THAT(query.sql, HasSubstr("AND (((f_category = :p3) OR (f_title IN (:p4, :p5))) AND "
                                   "(NOT (f_participants <> :p6)))"));
  EXPECT_EQ(query.parameters.size(), 6u);
}

TEST(AggregateSqlTest, RefusesWhatTheCheckerWouldHaveRejected) {
  EXPECT_THROW(compile(records_trainings(),
                       term(AggregateFunction::sum, "records_trainings", "no_such_field"), 104),
               StoreError);
  EXPECT_THROW(compile(records_trainings(), term(AggregateFunction::sum, "records_trainings"), 104),
               StoreError);
  EXPECT_THROW(
      compile(records_trainings(), term(AggregateFunction::active, "records_trainings"), 104),
      StoreError);
  EXPECT_THROW(compile(records_trainings(), term(AggregateFunction::count, "volunteers"), 104),
               StoreError);
  // A condition field that is not a field never reaches the SQL text.
  EXPECT_THROW(compile(records_trainings(),
                       term(AggregateFunction::count, "records_trainings", "",
                            equals("title; DROP TABLE plans", std::string("x"))),
                       104),
               StoreError);
}

TEST(AggregateSqlTest, TermsTogetherAreColumnsOfOnePass) {
  // b4-2's two terms: every case of the year, and those tendered electronically.
  const Aggregate cases = term(AggregateFunction::count, "procurement_cases");
  const Aggregate electronic =
      term(AggregateFunction::count, "procurement_cases", "", equals("e_tendering", true));
  const Aggregate first = term(AggregateFunction::min, "procurement_cases", "announced_on",
                               equals("agency", std::string("甲")));
  const CompiledPass pass = compile(procurement_cases(), {&cases, &electronic, &first}, 104);
  EXPECT_EQ(pass.sql,
            "SELECT COUNT(*), COUNT(CASE WHEN f_e_tendering = :p1 THEN 1 END), "
            "MIN(CASE WHEN f_agency = :p2 THEN f_announced_on END) FROM reg_procurement_cases "
            "WHERE f_announced_on BETWEEN :p3 AND :p4");
  EXPECT_THAT(pass.parameters, ElementsAre(SqlValue(std::int64_t{1}), SqlValue(std::string("甲")),
                                           SqlValue(std::string("2015-01-01")),
                                           SqlValue(std::string("2015-12-31"))));
  EXPECT_THAT(pass.text_columns, ElementsAre(false, false, true));
}

TEST(AggregateSqlTest, TermsOfDifferentScopesAreNotOnePass) {
  const Aggregate in_year = term(AggregateFunction::count, "volunteers");
  const Aggregate active = term(AggregateFunction::active, "volunteers");
  EXPECT_THROW(compile(volunteers(), {&in_year, &active}, 104), StoreError);
  EXPECT_THROW(compile(volunteers(), std::vector<const Aggregate*>{}, 104), StoreError);
}

TEST(AggregateSqlTest, HasRecordsProbesTheYearScope) {
  const CompiledQuery query = compile_has_records(budget_execution(), 104);
  EXPECT_EQ(query.sql,
            "SELECT COUNT(*) FROM (SELECT 1 FROM reg_budget_execution WHERE f_year = :p1 LIMIT 1) "
            "AS probe");
}

}  // namespace
}  // namespace planscore::store::testing
