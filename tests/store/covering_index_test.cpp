// ensure_indexes: the planner answers a conditioned sum from the covering index alone.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/aggregate_sql.h"
#include "store/index_plan.h"
#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// SQLite's query planner: PostgreSQL chooses its own plans by its statistics.
class CoveringIndexTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    if (database().is_postgresql()) GTEST_SKIP() << "SQLite's query plans";
  }
  std::string query_plan(const CompiledPass& query) {
    std::string plan;
    for (const std::string& row : database().rows("EXPLAIN QUERY PLAN " + query.sql)) {
      plan += row + "\n";
    }
    return plan;
  }
};

TEST_F(CoveringIndexTest, ConditionedSumUsesTheCoveringIndex) {
  auto store = open_store();
  ASSERT_THAT(store->apply_registers({procurement_trainings()}), IsEmpty());
  std::vector<core::Record> records;
  for (int i = 0; i < 200; ++i) {
    records.push_back(record({i % 2 ? "2015-03-01" : "2016-03-01", "班",
                              i % 3 ? "採購專業人員訓練" : "採購法專題講座", integer(i)}));
  }
  store->insert_records(procurement_trainings(), records);

  const Aggregate sum = term(AggregateFunction::sum, "procurement_trainings", "participants",
                             equals("category", std::string("採購專業人員訓練")));
  const CompiledPass query = compile(procurement_trainings(), sum, 104);
  EXPECT_THAT(query_plan(query), Not(HasSubstr("COVERING INDEX")));

  store->ensure_indexes(procurement_trainings(), {&sum});
  store->ensure_indexes(procurement_trainings(), {&sum});  // idempotent
  const std::string plan = query_plan(query);
  EXPECT_THAT(plan, HasSubstr("USING COVERING INDEX ix_reg_procurement_trainings_")) << plan;
  EXPECT_THAT(plan, HasSubstr("f_category=?")) << plan;

  double expected = 0;
  for (int i = 1; i < 200; i += 2)
    if (i % 3) expected += i;
  EXPECT_EQ(store->aggregate(procurement_trainings(), sum, 104), expected);
}

TEST_F(CoveringIndexTest, YearBasisSumUsesTheCoveringIndex) {
  auto store = open_store();
  ASSERT_THAT(store->apply_registers({budget_execution()}), IsEmpty());
  const Aggregate spent = term(AggregateFunction::sum, "budget_execution", "spent",
                               equals("category", std::string("資本門")));
  store->ensure_indexes(budget_execution(), {&spent});
  EXPECT_THAT(query_plan(compile(budget_execution(), spent, 104)),
              HasSubstr("USING COVERING INDEX"));
  EXPECT_THAT(database().rows("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' "
                              "AND tbl_name = 'reg_budget_execution'"),
              Contains("2"));
}

TEST_F(CoveringIndexTest, TermsReadInOnePassUseOneCoveringIndex) {
  auto store = open_store();
  ASSERT_THAT(store->apply_registers({procurement_cases()}), IsEmpty());
  std::vector<core::Record> records;
  for (int i = 0; i < 100; ++i) {
    records.push_back(record({i % 2 ? "2015-03-01" : "2016-03-01", "C" + std::to_string(i), "案",
                              "機關", integer(i % 3 != 0 ? 1 : 0)}));
  }
  store->insert_records(procurement_cases(), records);
  const Aggregate cases = term(AggregateFunction::count, "procurement_cases");
  const Aggregate electronic =
      term(AggregateFunction::count, "procurement_cases", "", equals("e_tendering", true));
  store->ensure_indexes(procurement_cases(), {&cases, &electronic});
  const std::string plan = query_plan(compile(procurement_cases(), {&cases, &electronic}, 104));
  EXPECT_THAT(plan, HasSubstr("USING COVERING INDEX ix_reg_procurement_cases_")) << plan;
  EXPECT_THAT(plan, HasSubstr("f_announced_on>? AND f_announced_on<?")) << plan;
  EXPECT_EQ(store->scanned_aggregates(procurement_cases(), {&cases, &electronic}, 104),
            (std::vector<std::optional<double>>{50.0, 33.0}));
}

TEST_F(CoveringIndexTest, IndexesOfTermsNoLongerAskedForAreDropped) {
  auto store = open_store();
  ASSERT_THAT(store->apply_registers({budget_execution()}), IsEmpty());
  const auto index_count = [&] {
    return database().rows(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' "
        "AND tbl_name = 'reg_budget_execution' AND name LIKE 'ix_%'");
  };
  ASSERT_THAT(index_count(), Contains("1"));  // the time index
  const Aggregate spent = term(AggregateFunction::sum, "budget_execution", "spent",
                               equals("category", std::string("資本門")));
  store->ensure_indexes(budget_execution(), {&spent});
  EXPECT_THAT(index_count(), Contains("2"));
  store->ensure_indexes(budget_execution(), {});
  EXPECT_THAT(index_count(), Contains("1"));
}

TEST_F(CoveringIndexTest, TheTimeIndexGivesWayToAnIndexLedByTheTimeColumnsAndComesBack) {
  auto store = open_store();
  ASSERT_THAT(store->apply_registers({procurement_cases()}), IsEmpty());
  const auto indexes = [&] {
    return database().rows(
        "SELECT name FROM sqlite_master WHERE type = 'index' "
        "AND tbl_name = 'reg_procurement_cases' AND name LIKE 'ix_%' ORDER BY name");
  };
  const std::string time = time_index(procurement_cases()).name;
  ASSERT_THAT(indexes(), ElementsAre(time));
  const Aggregate cases = term(AggregateFunction::count, "procurement_cases");
  const Aggregate electronic =
      term(AggregateFunction::count, "procurement_cases", "", equals("e_tendering", true));
  store->ensure_indexes(procurement_cases(), {&cases, &electronic});
  const std::string one_pass =
      register_indexes(procurement_cases(), {&cases, &electronic}).front().name;
  EXPECT_THAT(indexes(), ElementsAre(one_pass));
  // A plan import applies the registers again: the time index does not come back
  // (that would build it over every record, only to drop it again).
  ASSERT_THAT(store->apply_registers({procurement_cases()}), IsEmpty());
  EXPECT_THAT(indexes(), ElementsAre(one_pass));
  store->ensure_indexes(procurement_cases(), {&cases});
  EXPECT_THAT(indexes(), ElementsAre(time));
}

}  // namespace
}  // namespace planscore::store::testing
