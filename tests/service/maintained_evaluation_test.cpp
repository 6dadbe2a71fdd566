// The shipped plan evaluated from maintained totals equals the same plan evaluated by
// scanning every register: after the demo data, after a section's edits, and after the
// totals are brought back to a database that had none (an older version's).
#include <gtest/gtest.h>

#include "service/audit.h"
#include "service/demo.h"
#include "service/evaluation.h"
#include "service/plans.h"
#include "service/records.h"
#include "service_test_support.h"
#include "store/maintained_totals.h"

namespace planscore {
namespace {

class MaintainedEvaluation : public ::testing::Test {
 protected:
  void SetUp() override {
    plan_ = testing::import_shipped_plan(store());
    service::load_demo(store(), plan_);
  }
  store::Store& store() { return db_.store(); }

  // Every indicator's actual value and every sectioned metric's, in every plan year and
  // over the whole plan span.
  std::vector<std::string> figures() {
    std::vector<std::string> lines;
    service::ValueCalculator calculator(store(), plan_);
    const std::vector<int> years = plan_.years();
    for (const int year : years) {
      for (const auto& [id, actual] : calculator.actuals(year)) {
        lines.push_back(std::to_string(year) + " " + id + " " +
                        (actual.value ? std::to_string(*actual.value) : "none"));
      }
    }
    const core::YearRange span{years.front(), years.back()};
    for (const auto& metric : plan_.metrics) {
      const auto value = calculator.metric_value(metric.id, span);
      lines.push_back(span.text() + " " + metric.id + " " +
                      (value ? std::to_string(*value) : "none"));
    }
    return lines;
  }

  // The same figures with no term maintained: every aggregate scans its register.
  std::vector<std::string> scanned_figures() {
    for (const auto& register_def : plan_.registers) store().maintain_terms(register_def, {});
    auto lines = figures();
    service::maintain_plan_terms(store());
    return lines;
  }

  testing::TempDatabase db_;
  core::Plan plan_;
};

TEST_F(MaintainedEvaluation, EqualsScanningWithTheDemoData) {
  const auto maintained = figures();
  ASSERT_FALSE(store().maintained_totals().has_records(plan_.registers.front(), 105) ==
               std::nullopt)
      << "the plan import keeps count(register) for every register";
  EXPECT_EQ(maintained, scanned_figures());
}

TEST_F(MaintainedEvaluation, EqualsScanningAfterASectionsEdits) {
  const auto added =
      service::add_record(store(), plan_, service::system_actor(), "procurement_cases",
                          {{"announced_on", "2016-05-02"},
                           {"case_no", "T-1"},
                           {"title", "測試"},
                           {"agency", "秘書處"},
                           {"e_tendering", "否"}});
  ASSERT_TRUE(added.problems.empty());
  const auto before_delete = figures();
  EXPECT_EQ(before_delete, scanned_figures());
  const auto stored =
      store().find_record(*plan_.find_register("procurement_cases"), added.record_id);
  ASSERT_TRUE(stored.has_value());
  service::delete_record(store(), plan_, service::system_actor(), "procurement_cases",
                         added.record_id, stored->version);
  const auto after_delete = figures();
  EXPECT_NE(after_delete, before_delete) << "the e-tendering rate of 105 moves with the record";
  EXPECT_EQ(after_delete, scanned_figures());
}

TEST_F(MaintainedEvaluation, ADatabaseWithoutTotalsGetsThemBackWithTheSameFigures) {
  const auto maintained = figures();
  for (const auto& register_def : plan_.registers) store().maintain_terms(register_def, {});
  EXPECT_EQ(store().maintained_totals().has_records(plan_.registers.front(), 105), std::nullopt);
  service::maintain_plan_terms(store());
  EXPECT_NE(store().maintained_totals().has_records(plan_.registers.front(), 105), std::nullopt);
  EXPECT_EQ(figures(), maintained);
}

}  // namespace
}  // namespace planscore
