// Evaluation: one year, every year, one indicator's history with its review state.
#include "http/api/routes.h"
#include "http/api/views.h"
#include "planfile/evaluation_json_value.h"
#include "service/plan_lookup.h"
#include "service/reviews.h"

namespace planscore::http {
namespace {

nlohmann::json optional_number(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

Response evaluation_year(ApiCall& call) {
  auto current = call.plan();
  const int year = call.year_param();
  service::require_plan_year(*current.plan, year);
  auto evaluation = call.state.evaluations.year(call.store(), current, year);
  return Response::json(200, call.state.evaluation_bodies.body(evaluation));
}

Response evaluation_all(ApiCall& call) {
  auto current = call.plan();
  nlohmann::json years = nlohmann::json::array();
  for (int year : current.plan->years())
    years.push_back(
        planfile::evaluation_to_json(*call.state.evaluations.year(call.store(), current, year)));
  return json_response(200, years);
}

Response indicator_history(ApiCall& call) {
  auto current = call.plan();
  const auto& indicator =
      service::require_indicator(*current.plan, call.request.param("indicator"));
  nlohmann::json years = nlohmann::json::array();
  for (int year : current.plan->years()) {
    auto evaluation = call.state.evaluations.year(call.store(), current, year);
    for (const auto& row : evaluation->indicators) {
      if (row.indicator->id != indicator.id) continue;
      const auto review = service::review_of(call.store(), *current.plan, indicator.id, year);
      years.push_back(
          {{"year", year},
           {"target", optional_number(row.target)},
           {"actual", optional_number(row.actual.value)},
           {"note", row.actual.note},
           {"stage", row.stage.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.stage)},
           {"not_a_stage", optional_number(row.not_a_stage)},
           {"achievement", optional_number(row.achievement)},
           {"light", row.light},
           {"score", row.score},
           {"review_state", review.state}});
    }
  }
  return json_response(200,
                       {{"indicator", indicator_view(*current.plan, indicator)}, {"years", years}});
}

}  // namespace

void add_evaluation_routes(ApiRoutes& routes) {
  routes.get("/api/evaluation", evaluation_all);
  routes.get("/api/evaluation/{year}", evaluation_year);
  routes.get("/api/plan/indicators/{indicator}/history", indicator_history);
}

}  // namespace planscore::http
