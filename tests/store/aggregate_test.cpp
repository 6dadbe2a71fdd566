// Aggregates against a real database, for each time basis, at the year's edges.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::IsEmpty;
using ::testing::Optional;

class AggregateTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    store_ = open_store();
    ASSERT_THAT(store_->apply_registers({records_trainings(), budget_execution(), hr_compliance(),
                                         volunteers(), guided_tours()}),
                IsEmpty());
  }
  std::optional<double> value(const core::RegisterDef& def, AggregateFunction function,
                              const std::string& field_id, core::YearRange years,
                              bool to_date = false, ConditionPtr condition = nullptr) {
    return store_->aggregate(def, term(function, def.id, field_id, std::move(condition), to_date),
                             years);
  }
  std::unique_ptr<Store> store_;
};

class DateBasisTest : public AggregateTest {
 protected:
  void SetUp() override {
    AggregateTest::SetUp();
    store_->insert_records(records_trainings(),
                           {record({"2014-12-31", "甲", integer(10), 3.0}),
                            record({"2015-01-01", "乙", integer(20), 4.0}),
                            record({"2015-12-31", "乙", integer(30), std::monostate{}}),
                            record({"2016-01-01", "丙", integer(40), 5.0})});
  }
  const core::RegisterDef def_ = records_trainings();
};

TEST_F(DateBasisTest, YearIncludesFirstAndLastDayOnly) {
  EXPECT_THAT(value(def_, AggregateFunction::count, "", 104), Optional(2.0));
  EXPECT_THAT(value(def_, AggregateFunction::count, "satisfaction", 104), Optional(1.0));
  EXPECT_THAT(value(def_, AggregateFunction::sum, "participants", 104), Optional(50.0));
  EXPECT_THAT(value(def_, AggregateFunction::avg, "participants", 104), Optional(25.0));
  EXPECT_THAT(value(def_, AggregateFunction::min, "participants", 104), Optional(20.0));
  EXPECT_THAT(value(def_, AggregateFunction::max, "participants", 104), Optional(30.0));
  EXPECT_THAT(value(def_, AggregateFunction::count_distinct, "title", 104), Optional(1.0));
  EXPECT_THAT(value(def_, AggregateFunction::avg, "satisfaction", 104), Optional(4.0));
  EXPECT_THAT(value(def_, AggregateFunction::sum, "participants", 103), Optional(10.0));
  EXPECT_THAT(value(def_, AggregateFunction::sum, "participants", 105), Optional(40.0));
}

TEST_F(DateBasisTest, ToDateCoversEverythingUpToTheLastDay) {
  EXPECT_THAT(value(def_, AggregateFunction::count, "", 104, true), Optional(3.0));
  EXPECT_THAT(value(def_, AggregateFunction::sum, "participants", 104, true), Optional(60.0));
  EXPECT_THAT(value(def_, AggregateFunction::count_distinct, "title", 104, true), Optional(2.0));
  EXPECT_THAT(value(def_, AggregateFunction::count_distinct, "title", 105, true), Optional(3.0));
}

TEST_F(DateBasisTest, EmptyYear) {
  EXPECT_THAT(value(def_, AggregateFunction::count, "", 110), Optional(0.0));
  EXPECT_THAT(value(def_, AggregateFunction::sum, "participants", 110), Optional(0.0));
  EXPECT_THAT(value(def_, AggregateFunction::count_distinct, "title", 110), Optional(0.0));
  EXPECT_EQ(value(def_, AggregateFunction::avg, "participants", 110), std::nullopt);
  EXPECT_EQ(value(def_, AggregateFunction::min, "participants", 110), std::nullopt);
  EXPECT_EQ(value(def_, AggregateFunction::max, "participants", 110), std::nullopt);
  EXPECT_FALSE(store_->has_records_in(def_, 110));
  EXPECT_TRUE(store_->has_records_in(def_, 104));
  EXPECT_TRUE(store_->has_records_in(def_, 103));
}

TEST_F(DateBasisTest, MinAndMaxOfADateAreTheDateAsYyyymmdd) {
  EXPECT_THAT(value(def_, AggregateFunction::min, "held_on", 104), Optional(20150101.0));
  EXPECT_THAT(value(def_, AggregateFunction::max, "held_on", 104), Optional(20151231.0));
  EXPECT_EQ(value(def_, AggregateFunction::max, "held_on", 110), std::nullopt);
}

class YearBasisTest : public AggregateTest {
 protected:
  void SetUp() override {
    AggregateTest::SetUp();
    store_->insert_records(budget_execution(),
                           {record({integer(103), "經常門", 100.0, 80.0, 0.0, 0.0}),
                            record({integer(104), "經常門", 200.0, 150.0, 10.0, 5.0}),
                            record({integer(104), "資本門", 50.0, 30.0, 0.0, 2.5}),
                            record({integer(105), "經常門", 300.0, 0.0, 0.0, 0.0})});
    store_->insert_records(
        hr_compliance(),
        {record({integer(104), integer(3), integer(3), integer(1), integer(1), integer(1)}),
         record({integer(105), integer(3), integer(2), integer(1), integer(1), integer(0)})});
  }
};

TEST_F(YearBasisTest, ShippedBudgetFormulas) {
  const core::RegisterDef def = budget_execution();
  const auto current = [&](const std::string& field_id, int year, bool to_date = false) {
    return value(def, AggregateFunction::sum, field_id, year, to_date,
                 equals("category", std::string("經常門")));
  };
  // current_executed = spent + payable + savings of 經常門
  EXPECT_EQ(*current("spent", 104) + *current("payable", 104) + *current("savings", 104), 165.0);
  EXPECT_THAT(current("budget", 104), Optional(200.0));
  EXPECT_THAT(current("budget", 104, true), Optional(300.0));
  EXPECT_THAT(current("budget", 110), Optional(0.0));
  EXPECT_THAT(value(def, AggregateFunction::count, "", 104), Optional(2.0));
  EXPECT_THAT(value(def, AggregateFunction::max, "budget", 105, true), Optional(300.0));
  EXPECT_EQ(value(def, AggregateFunction::avg, "budget", 110), std::nullopt);
  EXPECT_TRUE(store_->has_records_in(def, 103));
  EXPECT_FALSE(store_->has_records_in(def, 102));
}

TEST_F(YearBasisTest, MinOfYesNo) {
  // h1-1: min(hr_compliance.compliant)
  const core::RegisterDef def = hr_compliance();
  EXPECT_THAT(value(def, AggregateFunction::min, "compliant", 104), Optional(1.0));
  EXPECT_THAT(value(def, AggregateFunction::min, "compliant", 105), Optional(0.0));
  EXPECT_EQ(value(def, AggregateFunction::min, "compliant", 106), std::nullopt);
}

class IntervalBasisTest : public AggregateTest {
 protected:
  void SetUp() override {
    AggregateTest::SetUp();
    const std::monostate still_here;
    store_->insert_records(volunteers(), {record({"A", "2010-01-01", still_here, "導覽"}),
                                          record({"B", "2014-05-01", "2015-01-01", "服務台"}),
                                          record({"C", "2015-12-31", still_here, "導覽"}),
                                          record({"D", "2016-01-01", still_here, "電話問安"}),
                                          record({"E", "2013-01-01", "2014-12-31", "導覽"}),
                                          record({"F", "2015-03-01", "2015-12-31", "服務台"}),
                                          record({"G", "2015-03-01", "2016-01-01", "導覽"})});
  }
  const core::RegisterDef def_ = volunteers();
};

TEST_F(IntervalBasisTest, YearCountsEntriesOverlappingIt) {
  EXPECT_THAT(value(def_, AggregateFunction::count, "", 104), Optional(5.0));  // A B C F G
  EXPECT_THAT(value(def_, AggregateFunction::count, "", 104, true), Optional(6.0));
  EXPECT_THAT(value(def_, AggregateFunction::count, "left", 104), Optional(3.0));
  EXPECT_TRUE(store_->has_records_in(def_, 104));
  EXPECT_FALSE(store_->has_records_in(def_, 98));
}

TEST_F(IntervalBasisTest, ActiveMeansStillThereAfterTheLastDay) {
  EXPECT_THAT(value(def_, AggregateFunction::active, "", 104), Optional(3.0));  // A C G
  EXPECT_THAT(value(def_, AggregateFunction::active, "", 103), Optional(2.0));  // A B
  EXPECT_THAT(value(def_, AggregateFunction::active, "", 105), Optional(3.0));  // A C D
  EXPECT_THAT(value(def_, AggregateFunction::active, "", 98), Optional(0.0));
  EXPECT_THAT(value(def_, AggregateFunction::active, "", 104, false,
                    equals("service", std::string("導覽"))),
              Optional(3.0));
}

}  // namespace
}  // namespace planscore::store::testing

namespace planscore::store::testing {
namespace {

TEST_F(DateBasisTest, ASpanCoversEveryDayOfItsYears) {
  EXPECT_THAT(value(def_, AggregateFunction::sum, "participants", {103, 104}), Optional(60.0));
  EXPECT_THAT(value(def_, AggregateFunction::sum, "participants", {103, 105}), Optional(100.0));
  EXPECT_THAT(value(def_, AggregateFunction::sum, "participants", {103, 104}, true),
              Optional(60.0));
  EXPECT_TRUE(store_->has_records_in(def_, {100, 103}));
  EXPECT_FALSE(store_->has_records_in(def_, {106, 110}));
}

class PeriodBasisTest : public AggregateTest {
 protected:
  void SetUp() override {
    AggregateTest::SetUp();
    const std::monostate one_day;
    store_->insert_records(
        def_, {record({"2011-01-01", "2014-12-31", integer(255), integer(5033)}),   // 100–103
               record({"2014-01-01", "2014-12-31", integer(205), integer(10084)}),  // 103
               record({"2015-01-01", one_day, integer(1), integer(30)}),         // 104, first day
               record({"2015-12-31", one_day, integer(1), integer(20)}),         // 104, last day
               record({"2015-12-01", "2016-01-31", integer(2), integer(50)})});  // 104–105
  }
  const core::RegisterDef def_ = guided_tours();
};

TEST_F(PeriodBasisTest, ARecordCountsOnlyWhereItsWholePeriodLies) {
  EXPECT_THAT(value(def_, AggregateFunction::sum, "visitors", 103), Optional(10084.0));
  EXPECT_THAT(value(def_, AggregateFunction::sum, "visitors", 102), Optional(0.0));
  EXPECT_THAT(value(def_, AggregateFunction::sum, "visitors", {100, 103}), Optional(15117.0));
  EXPECT_THAT(value(def_, AggregateFunction::sum, "visitors", 104), Optional(50.0));
  EXPECT_THAT(value(def_, AggregateFunction::sum, "visitors", {104, 105}), Optional(100.0));
  EXPECT_THAT(value(def_, AggregateFunction::count, "", {100, 105}), Optional(5.0));
  EXPECT_THAT(value(def_, AggregateFunction::sum, "sessions", {101, 103}), Optional(205.0));
}

TEST_F(PeriodBasisTest, ToDateCountsWhatEndedByTheLastDay) {
  EXPECT_THAT(value(def_, AggregateFunction::sum, "sessions", 103, true), Optional(460.0));
  EXPECT_THAT(value(def_, AggregateFunction::sum, "sessions", 104, true), Optional(462.0));
  EXPECT_THAT(value(def_, AggregateFunction::sum, "sessions", 105, true), Optional(464.0));
  EXPECT_TRUE(store_->has_records_in(def_, 104));
  EXPECT_FALSE(store_->has_records_in(def_, 102));
  EXPECT_TRUE(store_->has_records_in(def_, {100, 103}));
}

TEST_F(PeriodBasisTest, ActiveIsOnlyForIntervalRegisters) {
  EXPECT_THROW(value(def_, AggregateFunction::active, "", 104), StoreError);
}

}  // namespace
}  // namespace planscore::store::testing
