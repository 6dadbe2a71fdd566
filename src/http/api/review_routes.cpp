// The review workflow per indicator and year: state, explanation, comments, evidence;
// locking and unlocking a year.
#include "http/api/attachment.h"
#include "http/api/routes.h"
#include "http/api/views.h"
#include "service/review_discussion.h"
#include "service/reviews.h"
#include "service/year_locks.h"

namespace planscore::http {
namespace {

// The review as the signed-in user sees it: with the actions open to them now.
nlohmann::json review_for_actor(ApiCall& call, const core::Plan& plan,
                                const store::ReviewRow& review, bool year_locked) {
  return review_view(
      review, service::available_actions(call.store(), plan, call.actor(), review, year_locked));
}

Response year_reviews(ApiCall& call) {
  auto current = call.plan();
  const int year = call.year_param();
  const bool locked = service::is_year_locked(call.store(), *current.plan, year);
  nlohmann::json reviews = nlohmann::json::array();
  for (const auto& review : service::reviews_for_year(call.store(), *current.plan, year))
    reviews.push_back(review_for_actor(call, *current.plan, review, locked));
  return json_response(200, {{"year", year}, {"locked", locked}, {"reviews", reviews}});
}

// What waits for the signed-in user's step, across the plan's unlocked years.
Response pending_reviews(ApiCall& call) {
  auto current = call.plan();
  nlohmann::json pending = nlohmann::json::array();
  for (const auto& item : service::pending_reviews(call.store(), *current.plan, call.actor()))
    pending.push_back({{"action", core::to_string(item.action)},
                       {"review", review_for_actor(call, *current.plan, item.review, false)}});
  return json_response(200, {{"pending", pending}});
}

Response indicator_review(ApiCall& call) {
  auto current = call.plan();
  const int year = call.year_param();
  const std::string indicator_id = call.request.param("indicator");
  const auto review = service::review_of(call.store(), *current.plan, indicator_id, year);
  const bool locked = service::is_year_locked(call.store(), *current.plan, year);
  const auto discussion =
      service::review_discussion(call.store(), *current.plan, indicator_id, year);
  nlohmann::json comments = nlohmann::json::array();
  for (const auto& comment : discussion.comments)
    comments.push_back(comment_view(
        comment, service::name_of(discussion.people, comment.user_id, comment.username)));
  nlohmann::json evidence = nlohmann::json::array();
  for (const auto& file : discussion.evidence)
    evidence.push_back(
        evidence_view(file, service::name_of(discussion.people, file.uploaded_by, "")));
  return json_response(200, {{"review", review_for_actor(call, *current.plan, review, locked)},
                             {"locked", locked},
                             {"comments", comments},
                             {"evidence", evidence}});
}

core::ReviewAction action_of(const nlohmann::json& body) {
  const std::string text = required_string(body, "action");
  const auto action = core::review_action_from_string(text);
  if (!action)
    throw BadInput("the request body is not valid",
                   {{"action", "\"" + text +
                                   "\" is not an action; use submit, first_review, second_review, "
                                   "return or withdraw"}});
  return *action;
}

// The ids an optional array of strings lists; BadInput naming the member otherwise.
std::vector<std::string> optional_ids(const nlohmann::json& body, const std::string& key) {
  std::vector<std::string> ids;
  if (!body.contains(key) || body[key].is_null()) return ids;
  if (!body[key].is_array())
    throw BadInput("the request body is not valid", {{key, "must be a list of ids"}});
  for (const auto& item : body[key]) {
    if (!item.is_string())
      throw BadInput("the request body is not valid", {{key, "must be a list of ids"}});
    ids.push_back(item.get<std::string>());
  }
  if (ids.empty()) throw BadInput("the request body is not valid", {{key, "names no indicator"}});
  return ids;
}

Response review_action(ApiCall& call) {
  auto current = call.plan();
  auto body = call.json_body({"action", "comment", "version"});
  auto review = service::take_review_action(
      call.store(), *current.plan, call.actor(), call.request.param("indicator"), call.year_param(),
      action_of(body), optional_string(body, "comment").value_or(""),
      required_int(body, "version"));
  // A year cannot be locked while its reviews change.
  return json_response(200, review_for_actor(call, *current.plan, review, false));
}

// One step on many indicators of the year: those taken and those refused, each refusal
// named (the others still went ahead).
Response bulk_review_action(ApiCall& call) {
  auto current = call.plan();
  auto body = call.json_body({"action", "indicators", "section", "comment"});
  const service::BulkReviewRequest request{
      call.year_param(), action_of(body), optional_ids(body, "indicators"),
      optional_string(body, "section").value_or(""), optional_string(body, "comment").value_or("")};
  const auto result =
      service::take_review_action_in_bulk(call.store(), *current.plan, call.actor(), request);
  nlohmann::json refused = nlohmann::json::array();
  for (const auto& problem : result.refused)
    refused.push_back({{"path", problem.path},
                       {"message", problem.message},
                       {"code", problem.code},
                       {"params", problem.params}});
  return json_response(200, {{"action", core::to_string(request.action)},
                             {"year", request.year},
                             {"taken", result.taken},
                             {"refused", refused}});
}

Response save_explanation(ApiCall& call) {
  auto current = call.plan();
  auto body = call.json_body({"explanation", "version"});
  auto review = service::save_explanation(
      call.store(), *current.plan, call.actor(), call.request.param("indicator"), call.year_param(),
      required_string(body, "explanation"), required_int(body, "version"));
  return json_response(200, review_for_actor(call, *current.plan, review, false));
}

Response add_comment(ApiCall& call) {
  auto current = call.plan();
  auto body = call.json_body({"body"});
  auto comment = service::add_comment(call.store(), *current.plan, call.actor(),
                                      call.request.param("indicator"), call.year_param(),
                                      required_string(body, "body"));
  return json_response(201, comment_view(comment, call.session().display_name));
}

// The file is the raw body; its name comes in the query (?file_name=…), so uploads need
// no multipart parsing.
Response add_evidence(ApiCall& call) {
  auto current = call.plan();
  const auto file_name = call.request.query_value("file_name");
  if (!file_name)
    throw BadInput("the query is not complete",
                   {{"file_name", "give the file's name: ?file_name=…"}});
  auto evidence = service::add_evidence(
      call.store(), *current.plan, call.actor(), call.request.param("indicator"), call.year_param(),
      {*file_name, call.request.body}, call.state.options.max_evidence_bytes);
  return json_response(201, evidence_view(evidence, call.session().display_name));
}

Response download_evidence(ApiCall& call) {
  auto current = call.plan();
  auto evidence = service::evidence_file(call.store(), *current.plan, call.int_param("evidence"));
  Response response;
  response.body = std::move(evidence.content);
  response.set_header("Content-Type", evidence.content_type);
  response.set_header("Content-Disposition", content_disposition(evidence.file_name));
  response.set_header("Digest", "sha-256=" + evidence.sha256);
  return response;
}

Response delete_evidence(ApiCall& call) {
  auto current = call.plan();
  service::delete_evidence(call.store(), *current.plan, call.actor(), call.int_param("evidence"));
  Response response;
  response.status = 204;
  return response;
}

Response years(ApiCall& call) {
  auto current = call.plan();
  const auto locks = service::year_locks(call.store(), *current.plan);
  nlohmann::json list = nlohmann::json::array();
  for (int year : current.plan->years()) {
    nlohmann::json entry{
        {"year", year}, {"locked", false}, {"locked_at", nullptr}, {"locked_by", nullptr}};
    if (const auto lock = locks.find(year); lock != locks.end()) {
      entry["locked"] = true;
      entry["locked_at"] = lock->second.locked_at;
      entry["locked_by"] = lock->second.locked_by;
    }
    list.push_back(entry);
  }
  return json_response(200, list);
}

Response lock(ApiCall& call) {
  auto current = call.plan();
  service::lock_year(call.store(), *current.plan, call.actor(), call.year_param());
  return years(call);
}

Response unlock(ApiCall& call) {
  auto current = call.plan();
  auto body = call.json_body({"reason"});
  service::unlock_year(call.store(), *current.plan, call.actor(), call.year_param(),
                       required_string(body, "reason"));
  return years(call);
}

}  // namespace

void add_review_routes(ApiRoutes& routes) {
  routes.get("/api/reviews/pending", pending_reviews);
  routes.get("/api/reviews/{year}", year_reviews);
  routes.get("/api/reviews/{year}/{indicator}", indicator_review);
  routes.post("/api/reviews/{year}/actions", bulk_review_action);
  routes.post("/api/reviews/{year}/{indicator}/actions", review_action);
  routes.put("/api/reviews/{year}/{indicator}/explanation", save_explanation);
  routes.post("/api/reviews/{year}/{indicator}/comments", add_comment);
  routes.post("/api/reviews/{year}/{indicator}/evidence", add_evidence);
  routes.get("/api/evidence/{evidence}", download_evidence);
  routes.del("/api/evidence/{evidence}", delete_evidence);
  routes.get("/api/years", years);
  routes.post("/api/years/{year}/lock", lock);
  routes.post("/api/years/{year}/unlock", unlock);
}

}  // namespace planscore::http
