// Which registers a formula reads, through named metrics too.
#include <gtest/gtest.h>

#include "core/metric/dependencies.h"

namespace planscore::core::metric {
namespace {

TEST(MetricDependencies, RegistersThroughMetricsInOrderOfFirstUse) {
  Plan plan;
  plan.metrics = {{"staff_count", "員額", "人", 0, "active(staff)", ""},
                  {"ratio", "比率", "%", 1, "count(vacancies) / staff_count * 100", ""}};
  EXPECT_EQ(registers_read_by(plan, "sum(learning_hours.hours) / staff_count + ratio"),
            (std::vector<std::string>{"learning_hours", "staff", "vacancies"}));
  EXPECT_TRUE(registers_read_by(plan, "").empty());
  EXPECT_TRUE(registers_read_by(plan, "sum(").empty());
  // A metric that names itself is read once, not forever.
  plan.metrics.push_back({"loop", "", "", 0, "loop + count(staff)", ""});
  EXPECT_EQ(registers_read_by(plan, "loop"), (std::vector<std::string>{"staff"}));
}

}  // namespace
}  // namespace planscore::core::metric
