#include "service/narrative.h"

#include "core/plan/narrative.h"
#include "service/evaluation.h"

namespace planscore::service {
namespace {

void render(std::vector<core::Chapter>& chapters, const core::Plan& plan,
            const core::MetricValueSource& value_of) {
  for (auto& chapter : chapters) {
    chapter.text = core::render_narrative(core::parse_narrative(chapter.text), plan, value_of);
    render(chapter.children, plan, value_of);
  }
}

}  // namespace

std::vector<core::Chapter> chapters_with_live_figures(store::Store& store, const core::Plan& plan) {
  ValueCalculator calculator(store, plan);
  const core::MetricValueSource value_of = [&](const core::MetricReference& reference) {
    return calculator.metric_value(reference.metric,
                                   core::YearRange{reference.first_year, reference.last_year});
  };
  std::vector<core::Chapter> chapters = plan.chapters;
  render(chapters, plan, value_of);
  return chapters;
}

core::Plan plan_with_live_figures(store::Store& store, const core::Plan& plan) {
  core::Plan rendered = plan;
  rendered.chapters = chapters_with_live_figures(store, plan);
  return rendered;
}

}  // namespace planscore::service
