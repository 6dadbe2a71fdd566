// Conditions of every operator, with Chinese text, and hostile literals.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Optional;

constexpr const char* kInjection = "x'); DROP TABLE plans; --";

class ConditionsTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    store_ = open_store();
    ASSERT_THAT(store_->apply_registers({procurement_trainings(), procurement_cases()}), IsEmpty());
    store_->insert_records(procurement_trainings(),
                           {record({"2015-02-01", "初階班", "採購專業人員訓練", integer(100)}),
                            record({"2015-03-01", "進階班", "採購專業人員訓練", integer(50)}),
                            record({"2015-04-01", "講座", "採購法專題講座", integer(30)}),
                            record({"2015-05-01", "說明會", "採購業務說明會", integer(20)}),
                            record({"2014-05-01", "初階班", "採購專業人員訓練", integer(999)})});
  }
  double count_where(ConditionPtr condition) {
    return *store_->aggregate(
        procurement_trainings(),
        term(AggregateFunction::count, "procurement_trainings", "", std::move(condition)), 104);
  }
  double sum_where(ConditionPtr condition) {
    return *store_->aggregate(
        procurement_trainings(),
        term(AggregateFunction::sum, "procurement_trainings", "participants", std::move(condition)),
        104);
  }
  std::unique_ptr<Store> store_;
};

TEST_F(ConditionsTest, EqualityOnChineseText) {
  // b4-1 of the shipped plan
  EXPECT_EQ(sum_where(equals("category", std::string("採購專業人員訓練"))), 150.0);
  EXPECT_EQ(sum_where(equals("category", std::string("不存在的類別"))), 0.0);
}

TEST_F(ConditionsTest, EveryComparisonOperator) {
  EXPECT_EQ(count_where(compare("category", CompareOp::ne, std::string("採購專業人員訓練"))), 2);
  EXPECT_EQ(count_where(compare("participants", CompareOp::lt, 50.0)), 2);
  EXPECT_EQ(count_where(compare("participants", CompareOp::le, 50.0)), 3);
  EXPECT_EQ(count_where(compare("participants", CompareOp::gt, 50.0)), 1);
  EXPECT_EQ(count_where(compare("participants", CompareOp::ge, 50.0)), 2);
  EXPECT_EQ(count_where(compare("held_on", CompareOp::ge, std::string("2015-03-01"))), 3);
}

TEST_F(ConditionsTest, InAndOrNot) {
  EXPECT_EQ(count_where(in_list("category",
                                {std::string("採購法專題講座"), std::string("採購業務說明會")})),
            2);
  EXPECT_EQ(count_where(both(equals("category", std::string("採購專業人員訓練")),
                             compare("participants", CompareOp::gt, 60.0))),
            1);
  EXPECT_EQ(count_where(either(equals("title", std::string("講座")),
                               equals("title", std::string("說明會")))),
            2);
  EXPECT_EQ(count_where(negate(equals("category", std::string("採購專業人員訓練")))), 2);
  EXPECT_EQ(count_where(negate(either(equals("title", std::string("講座")),
                                      in_list("title", {std::string("初階班")})))),
            2);
}

TEST_F(ConditionsTest, YesNoLiterals) {
  store_->insert_records(procurement_cases(),
                         {record({"2015-01-05", "A-1", "案一", "秘書處", integer(1)}),
                          record({"2015-02-05", "A-2", "案二", "秘書處", integer(1)}),
                          record({"2015-03-05", "A-3", "案三", "秘書處", integer(0)})});
  const auto cases = [&](bool yes) {
    return *store_->aggregate(
        procurement_cases(),
        term(AggregateFunction::count, "procurement_cases", "", equals("e_tendering", yes)), 104);
  };
  EXPECT_EQ(cases(true), 2);
  EXPECT_EQ(cases(false), 1);
}

TEST_F(ConditionsTest, InjectionPayloadIsJustText) {
  store_->insert_records(procurement_trainings(),
                         {record({"2015-06-01", kInjection, "採購法專題講座", integer(7)})});
  EXPECT_THAT(database().rows("SELECT f_title FROM reg_procurement_trainings WHERE "
                              "f_participants = 7"),
              ElementsAre(kInjection));
  EXPECT_EQ(sum_where(equals("title", std::string(kInjection))), 7.0);
  EXPECT_EQ(count_where(in_list("title", {std::string(kInjection), std::string("' OR 1=1 --")})),
            1);
  EXPECT_EQ(count_where(equals("title", std::string("' OR '1'='1"))), 0);
  EXPECT_TRUE(database().has_table("plans"));
  store_->set_manual_value(kInjection, {kInjection, 104, 1, kInjection});
  EXPECT_EQ(store_->manual_values(kInjection).at(0).note, kInjection);
  EXPECT_EQ(store_->save_plan(kInjection, kInjection, kInjection, 0), 1);
  EXPECT_EQ(store_->current_plan()->document, kInjection);
}

}  // namespace
}  // namespace planscore::store::testing
