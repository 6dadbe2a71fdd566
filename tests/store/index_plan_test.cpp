// Which covering index an aggregate gets, and that identifiers are re-checked.
#include "store/index_plan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/identifiers.h"
#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::MatchesRegex;

TEST(IndexPlanTest, EqualityColumnsLeadThenTimeThenValueThenOtherConditionFields) {
  const IndexSpec spec = covering_index(
      procurement_trainings(), term(AggregateFunction::sum, "procurement_trainings", "participants",
                                    both(equals("category", std::string("採購專業人員訓練")),
                                         compare("title", CompareOp::ne, std::string("x")))));
  EXPECT_EQ(spec.table, "reg_procurement_trainings");
  EXPECT_THAT(spec.columns, ElementsAre("f_category", "f_held_on", "f_participants", "f_title"));
  EXPECT_THAT(spec.name, MatchesRegex("ix_reg_procurement_trainings_[0-9a-f]{8}"));
}

TEST(IndexPlanTest, EqualitiesUnderOrAreNotLeading) {
  const IndexSpec spec = covering_index(
      procurement_trainings(),
      term(AggregateFunction::count, "procurement_trainings", "",
           either(equals("category", std::string("a")), equals("title", std::string("b")))));
  EXPECT_THAT(spec.columns, ElementsAre("f_held_on", "f_category", "f_title"));
}

TEST(IndexPlanTest, IntervalIndexesStartAndEnd) {
  EXPECT_THAT(time_index(volunteers()).columns, ElementsAre("f_joined", "f_left"));
  EXPECT_THAT(covering_index(volunteers(), term(AggregateFunction::active, "volunteers")).columns,
              ElementsAre("f_joined", "f_left"));
}

TEST(IndexPlanTest, NamesAreDeterministicAndDistinct) {
  const Aggregate sum = term(AggregateFunction::sum, "budget_execution", "spent",
                             equals("category", std::string("經常門")));
  const Aggregate other = term(AggregateFunction::sum, "budget_execution", "budget",
                               equals("category", std::string("經常門")));
  EXPECT_EQ(covering_index(budget_execution(), sum).name,
            covering_index(budget_execution(), sum).name);
  EXPECT_NE(covering_index(budget_execution(), sum).name,
            covering_index(budget_execution(), other).name);
  EXPECT_EQ(covering_index(budget_execution(), sum).create_sql(),
            "CREATE INDEX IF NOT EXISTS " + covering_index(budget_execution(), sum).name +
                " ON reg_budget_execution (f_category, f_year, f_spent)");
}

TEST(IndexPlanTest, TermsReadingWholeYearsShareOneIndexLedByTime) {
  const Aggregate cases = term(AggregateFunction::count, "procurement_cases");
  const Aggregate electronic =
      term(AggregateFunction::count, "procurement_cases", "", equals("e_tendering", true));
  EXPECT_TRUE(reads_whole_years(procurement_cases(), cases));
  EXPECT_FALSE(reads_whole_years(procurement_cases(), electronic));
  const auto indexes = aggregate_indexes(procurement_cases(), {&cases, &electronic});
  ASSERT_EQ(indexes.size(), 1u);
  EXPECT_THAT(indexes[0].columns, ElementsAre("f_announced_on", "f_e_tendering"));
}

TEST(IndexPlanTest, TermsNarrowedByEqualityAloneKeepTheirOwnIndexes) {
  const Aggregate spent = term(AggregateFunction::sum, "budget_execution", "spent",
                               equals("category", std::string("經常門")));
  const Aggregate budget = term(AggregateFunction::sum, "budget_execution", "budget",
                                equals("category", std::string("資本門")));
  const Aggregate to_date =
      term(AggregateFunction::sum, "budget_execution", "budget", nullptr, true);
  // to_date reads whole years of its own scope only: the in-year sums keep their indexes.
  const auto indexes = aggregate_indexes(budget_execution(), {&spent, &budget, &spent, &to_date});
  ASSERT_EQ(indexes.size(), 3u);
  EXPECT_THAT(indexes[0].columns, ElementsAre("f_category", "f_year", "f_spent"));
  EXPECT_THAT(indexes[1].columns, ElementsAre("f_category", "f_year", "f_budget"));
  EXPECT_THAT(indexes[2].columns, ElementsAre("f_year", "f_budget"));
  // count(*) over time alone needs no index beyond the time index.
  const Aggregate all = term(AggregateFunction::count, "budget_execution");
  EXPECT_TRUE(aggregate_indexes(budget_execution(), {&all}).empty());
}

TEST(IndexPlanTest, TheTimeIndexStaysOnlyWhenNoOtherIndexLeadsWithTheTimeColumns) {
  const Aggregate cases = term(AggregateFunction::count, "procurement_cases");
  const Aggregate electronic =
      term(AggregateFunction::count, "procurement_cases", "", equals("e_tendering", true));
  const auto one_pass = register_indexes(procurement_cases(), {&cases, &electronic});
  ASSERT_EQ(one_pass.size(), 1u);
  EXPECT_THAT(one_pass[0].columns, ElementsAre("f_announced_on", "f_e_tendering"));
  const auto counted = register_indexes(procurement_cases(), {&cases});
  ASSERT_EQ(counted.size(), 1u);
  EXPECT_EQ(counted[0].name, time_index(procurement_cases()).name);
  // An index led by an equality column does not serve a year's records.
  const Aggregate spent = term(AggregateFunction::sum, "budget_execution", "spent",
                               equals("category", std::string("經常門")));
  const auto narrowed = register_indexes(budget_execution(), {&spent});
  ASSERT_EQ(narrowed.size(), 2u);
  EXPECT_EQ(narrowed[0].name, time_index(budget_execution()).name);
  // An interval register's index must lead with both its start and its end.
  const Aggregate serving = term(AggregateFunction::count, "volunteers", "",
                                 compare("service", CompareOp::ne, std::string("導覽")));
  const auto interval = register_indexes(volunteers(), {&serving});
  ASSERT_EQ(interval.size(), 1u);
  EXPECT_THAT(interval[0].columns, ElementsAre("f_joined", "f_left", "f_service"));
}

TEST(IdentifiersTest, OnlyLowercaseIdentifiersReachSql) {
  EXPECT_TRUE(is_safe_identifier("held_on"));
  EXPECT_TRUE(is_safe_identifier("a1_b"));
  EXPECT_FALSE(is_safe_identifier(""));
  EXPECT_FALSE(is_safe_identifier("1abc"));
  EXPECT_FALSE(is_safe_identifier("_abc"));
  EXPECT_FALSE(is_safe_identifier("Abc"));
  EXPECT_FALSE(is_safe_identifier("a-b"));
  EXPECT_FALSE(is_safe_identifier("a b"));
  EXPECT_FALSE(is_safe_identifier("x\"; DROP TABLE plans; --"));
  EXPECT_FALSE(is_safe_identifier("日期"));
  EXPECT_FALSE(is_safe_identifier(std::string(48, 'a')));
  EXPECT_EQ(table_name("volunteers"), "reg_volunteers");
  EXPECT_EQ(column_name("joined"), "f_joined");
  EXPECT_THROW(column_name("x; DROP TABLE plans"), StoreError);
}

}  // namespace
}  // namespace planscore::store::testing
