// The review workflow per indicator and year: state, explanation, comments, evidence;
// locking and unlocking a year.
#include "http/api/attachment.h"
#include "http/api/routes.h"
#include "http/api/views.h"
#include "service/reviews.h"
#include "service/year_locks.h"

namespace planscore::http {
namespace {

Response year_reviews(Exchange& exchange) {
  auto current = exchange.plan();
  const int year = exchange.year_param();
  nlohmann::json reviews = nlohmann::json::array();
  for (const auto& review : service::reviews_for_year(exchange.store(), *current.plan, year))
    reviews.push_back(review_view(review));
  return json_response(200,
                       {{"year", year},
                        {"locked", service::is_year_locked(exchange.store(), *current.plan, year)},
                        {"reviews", reviews}});
}

Response indicator_review(Exchange& exchange) {
  auto current = exchange.plan();
  const int year = exchange.year_param();
  const std::string indicator_id = exchange.request.param("indicator");
  const auto review = service::review_of(exchange.store(), *current.plan, indicator_id, year);
  nlohmann::json comments = nlohmann::json::array();
  for (const auto& comment : exchange.store().list_comments(current.plan->id, indicator_id, year))
    comments.push_back(comment_view(comment));
  nlohmann::json evidence = nlohmann::json::array();
  for (const auto& file : exchange.store().list_evidence(current.plan->id, indicator_id, year))
    evidence.push_back(evidence_view(file));
  return json_response(200,
                       {{"review", review_view(review)},
                        {"locked", service::is_year_locked(exchange.store(), *current.plan, year)},
                        {"comments", comments},
                        {"evidence", evidence}});
}

Response review_action(Exchange& exchange) {
  auto current = exchange.plan();
  auto body = exchange.json_body({"action", "comment", "version"});
  const std::string action_text = required_string(body, "action");
  const auto action = core::review_action_from_string(action_text);
  if (!action)
    throw BadInput(
        "the request body is not valid",
        {{"action", "\"" + action_text +
                        "\" is not an action; use submit, first_review, second_review or return"}});
  auto review = service::take_review_action(
      exchange.store(), *current.plan, exchange.actor(), exchange.request.param("indicator"),
      exchange.year_param(), *action, optional_string(body, "comment").value_or(""),
      required_int(body, "version"));
  return json_response(200, review_view(review));
}

Response save_explanation(Exchange& exchange) {
  auto current = exchange.plan();
  auto body = exchange.json_body({"explanation", "version"});
  auto review = service::save_explanation(
      exchange.store(), *current.plan, exchange.actor(), exchange.request.param("indicator"),
      exchange.year_param(), required_string(body, "explanation"), required_int(body, "version"));
  return json_response(200, review_view(review));
}

Response add_comment(Exchange& exchange) {
  auto current = exchange.plan();
  auto body = exchange.json_body({"body"});
  auto comment = service::add_comment(exchange.store(), *current.plan, exchange.actor(),
                                      exchange.request.param("indicator"), exchange.year_param(),
                                      required_string(body, "body"));
  return json_response(201, comment_view(comment));
}

// The file is the raw body; its name comes in the query (?file_name=…), so uploads need
// no multipart parsing.
Response add_evidence(Exchange& exchange) {
  auto current = exchange.plan();
  const auto file_name = exchange.request.query_value("file_name");
  if (!file_name)
    throw BadInput("the query is not complete",
                   {{"file_name", "give the file's name: ?file_name=…"}});
  auto evidence = service::add_evidence(exchange.store(), *current.plan, exchange.actor(),
                                        exchange.request.param("indicator"), exchange.year_param(),
                                        {*file_name, exchange.request.body},
                                        exchange.state.options.max_evidence_bytes);
  return json_response(201, evidence_view(evidence));
}

Response download_evidence(Exchange& exchange) {
  auto current = exchange.plan();
  auto evidence =
      service::evidence_file(exchange.store(), *current.plan, exchange.int_param("evidence"));
  Response response;
  response.body = std::move(evidence.content);
  response.set_header("Content-Type", evidence.content_type);
  response.set_header("Content-Disposition", content_disposition(evidence.file_name));
  response.set_header("Digest", "sha-256=" + evidence.sha256);
  return response;
}

Response delete_evidence(Exchange& exchange) {
  auto current = exchange.plan();
  service::delete_evidence(exchange.store(), *current.plan, exchange.actor(),
                           exchange.int_param("evidence"));
  Response response;
  response.status = 204;
  return response;
}

Response years(Exchange& exchange) {
  auto current = exchange.plan();
  const auto locks = exchange.store().year_locks(current.plan->id);
  nlohmann::json list = nlohmann::json::array();
  for (int year : current.plan->years()) {
    nlohmann::json entry{
        {"year", year}, {"locked", false}, {"locked_at", nullptr}, {"locked_by", nullptr}};
    for (const auto& lock : locks)
      if (lock.year == year) {
        entry["locked"] = true;
        entry["locked_at"] = lock.locked_at;
        entry["locked_by"] = lock.locked_by;
      }
    list.push_back(entry);
  }
  return json_response(200, list);
}

Response lock(Exchange& exchange) {
  auto current = exchange.plan();
  service::lock_year(exchange.store(), *current.plan, exchange.actor(), exchange.year_param());
  return years(exchange);
}

Response unlock(Exchange& exchange) {
  auto current = exchange.plan();
  auto body = exchange.json_body({"reason"});
  service::unlock_year(exchange.store(), *current.plan, exchange.actor(), exchange.year_param(),
                       required_string(body, "reason"));
  return years(exchange);
}

}  // namespace

void add_review_routes(ApiRoutes& routes) {
  routes.get("/api/reviews/{year}", year_reviews);
  routes.get("/api/reviews/{year}/{indicator}", indicator_review);
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
