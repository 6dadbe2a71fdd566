// The plan: read, export, edit, import, validate; its goals, indicators, budget table and
// sections.
#include "http/api/routes.h"
#include "http/api/views.h"
#include "http/problem.h"
#include "planfile/plan_json.h"
#include "service/narrative.h"
#include "service/plan_lookup.h"
#include "service/plans.h"

namespace planscore::http {
namespace {

nlohmann::json plan_document(const core::Plan& plan) {
  return nlohmann::json::parse(planfile::to_json(plan));
}

// The schema's ProblemItem, as http/problem writes errors[] (openapi_responses holds both
// to it).
nlohmann::json problems_view(const core::Problems& problems) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& problem : problems)
    list.push_back({{"path", problem.path},
                    {"message", problem.message},
                    {"code", problem.code},
                    {"params", problem.params}});
  return list;
}

bool is_yaml(const Request& request) {
  const std::string type = request.header("content-type");
  return type.find("yaml") != std::string::npos || type.find("text/plain") != std::string::npos;
}

Response plan(ApiCall& call) {
  auto current = call.plan();
  return json_response(200, {{"version", current.version}, {"plan", plan_document(*current.plan)}});
}

// The chapters as people read them: references replaced by live figures. GET /api/plan
// keeps the text as written, for editing.
Response chapters(ApiCall& call) {
  auto current = call.plan();
  const auto rendered = service::plan_with_live_figures(call.store(), *current.plan);
  return json_response(200, {{"chapters", plan_document(rendered)["chapters"]}});
}

Response export_plan(ApiCall& call) {
  const auto format = call.request.query_value("format").value_or("yaml");
  if (format != "yaml" && format != "json")
    throw BadInput("the query is not valid", {{"format", "must be yaml or json"}});
  auto current = call.plan();
  const bool json = format == "json";
  Response response;
  response.body = service::export_plan(
      *current.plan, json ? service::PlanFormat::json : service::PlanFormat::yaml);
  response.set_header("Content-Type",
                      json ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8");
  response.set_header("Content-Disposition", "attachment; filename=\"" + current.plan->id +
                                                 (json ? ".json\"" : ".yaml\""));
  return response;
}

Response store_plan(ApiCall& call, const std::string& text, service::PlanFormat format,
                    std::optional<std::int64_t> expected_version, int success_status) {
  auto result = service::import_plan(call.store(), text, format, call.actor(), expected_version);
  if (!result.problems.empty())
    return unprocessable("the plan has " + std::to_string(result.problems.size()) +
                             " problem(s); nothing was stored",
                         result.problems);
  return json_response(success_status, {{"id", result.plan_id},
                                        {"version", result.version},
                                        {"warnings", problems_view(result.warnings)}});
}

// An edit of the plan the client read: {"version": N, "plan": {…}} (the JSON of GET
// /api/plan) or {"version": N, "yaml": "…"}.
Response edit_plan(ApiCall& call) {
  auto body = call.json_body({"version", "plan", "yaml"});
  const auto version = required_int(body, "version");
  if (auto yaml = optional_string(body, "yaml"))
    return store_plan(call, *yaml, service::PlanFormat::yaml, version, 200);
  auto found = body.find("plan");
  if (found == body.end() || !found->is_object())
    throw BadInput("the request body is not complete", {{"plan", "is required (or give yaml)"}});
  return store_plan(call, found->dump(), service::PlanFormat::json, version, 200);
}

// A new plan file (YAML body) that becomes the current plan.
Response import_plan(ApiCall& call) {
  return store_plan(call, call.request.body,
                    is_yaml(call.request) ? service::PlanFormat::yaml : service::PlanFormat::json,
                    std::nullopt, 201);
}

Response validate_plan(ApiCall& call) {
  const auto check = service::check_plan_text(
      call.store(), call.request.body,
      is_yaml(call.request) ? service::PlanFormat::yaml : service::PlanFormat::json);
  return json_response(200, {{"valid", check.problems.empty()},
                             {"problems", problems_view(check.problems)},
                             {"warnings", problems_view(check.warnings)}});
}

Response goals(ApiCall& call) {
  auto current = call.plan();
  nlohmann::json dimensions = nlohmann::json::array();
  for (const auto& dimension : current.plan->dimensions) {
    nlohmann::json goal_list = nlohmann::json::array();
    for (const auto& goal : dimension.goals) {
      nlohmann::json indicators = nlohmann::json::array();
      for (const auto& indicator : goal.indicators)
        indicators.push_back(indicator_view(*current.plan, indicator));
      goal_list.push_back({{"id", goal.id},
                           {"number", goal.number},
                           {"name", goal.name},
                           {"weight", goal.weight},
                           {"owner_section", goal.owner_section},
                           {"indicators", indicators}});
    }
    dimensions.push_back({{"id", dimension.id}, {"name", dimension.name}, {"goals", goal_list}});
  }
  return json_response(200, {{"version", current.version}, {"dimensions", dimensions}});
}

Response indicators(ApiCall& call) {
  auto current = call.plan();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& dimension : current.plan->dimensions)
    for (const auto& goal : dimension.goals)
      for (const auto& indicator : goal.indicators) {
        auto view = indicator_view(*current.plan, indicator);
        view["goal"] = goal.id;
        view["dimension"] = dimension.id;
        list.push_back(view);
      }
  return json_response(200, list);
}

Response indicator(ApiCall& call) {
  auto current = call.plan();
  return json_response(
      200, indicator_view(*current.plan, service::require_indicator(
                                             *current.plan, call.request.param("indicator"))));
}

Response budget(ApiCall& call) {
  auto current = call.plan();
  auto document = plan_document(*current.plan);
  return json_response(200, {{"money_unit", current.plan->money_unit},
                             {"years", current.plan->years()},
                             {"lines", document["budget"]},
                             {"total", document["budget_total"]},
                             {"note", current.plan->budget_note}});
}

Response sections(ApiCall& call) {
  auto current = call.plan();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& section : current.plan->sections)
    list.push_back({{"id", section.id}, {"name", section.name}, {"duties", section.duties}});
  return json_response(200, list);
}

}  // namespace

void add_plan_routes(ApiRoutes& routes) {
  routes.get("/api/plan", plan);
  routes.put("/api/plan", edit_plan, Work::long_running);
  routes.get("/api/plan/export", export_plan);
  routes.post("/api/plan/import", import_plan, Access::session, Work::long_running);
  routes.post("/api/plan/validate", validate_plan, Access::session, Work::long_running);
  routes.get("/api/plan/goals", goals);
  routes.get("/api/plan/indicators", indicators);
  routes.get("/api/plan/indicators/{indicator}", indicator);
  routes.get("/api/plan/budget", budget);
  routes.get("/api/plan/chapters", chapters);
  routes.get("/api/sections", sections);
}

}  // namespace planscore::http
