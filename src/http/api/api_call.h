#pragma once
// One API request being answered: its store connection, its session, the current plan,
// and reading its JSON body. Route handlers get an ApiCall and return a Response; the
// guard around them (api_routes.h) turns refusals into problem documents.
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "http/api/api.h"
#include "http/api/client_input.h"
#include "http/api/evaluation_bodies.h"
#include "http/message.h"
#include "service/evaluation_cache.h"
#include "service/plan_cache.h"
#include "service/sessions.h"
#include "service/store_pool.h"

namespace planscore::http {

struct ApiState {
  explicit ApiState(const ApiOptions& api_options)
      : options(api_options), stores(api_options.database_url) {}
  ApiOptions options;
  service::StorePool stores;
  service::PlanCache plans;
  service::EvaluationCache evaluations;
  EvaluationBodies evaluation_bodies;
};

// A body in another media type than the route reads: answered 415, the message naming
// the type it reads.
struct UnsupportedMediaType : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline constexpr const char* kSessionCookie = "planscore_session";
inline constexpr const char* kCsrfHeader = "x-csrf-token";

class ApiCall {
 public:
  ApiCall(ApiState& state, Request& request);

  Request& request;
  ApiState& state;

  store::Store& store();
  // Set by the guard for routes that need a session.
  void set_session(service::SessionInfo session) { session_ = std::move(session); }
  const service::SessionInfo& session() const { return *session_; }
  const core::Actor& actor() const { return session_->actor; }
  service::CurrentPlan plan();
  // The plan in force, or null before any plan is imported (plan() refuses then): accounts
  // and sessions work before there is a plan.
  std::shared_ptr<const core::Plan> plan_if_any();

  // The body as a JSON object whose keys are all in `allowed` (others: BadInput naming
  // them, so a typo is not silently ignored). The request must say it is JSON
  // (Content-Type: application/json, any parameters); otherwise UnsupportedMediaType, so
  // a form or a text/plain fetch that another site's page can send is never read.
  nlohmann::json json_body(const std::vector<std::string>& allowed);
  // An integer path parameter (BadInput when it is not one).
  std::int64_t int_param(const std::string& name);
  std::optional<std::int64_t> int_query(const std::string& name);
  // The {year} path parameter: an ROC year (BadInput unless 1–9999).
  int year_param();
  // An optional query parameter holding an ROC year (BadInput unless 1–9999).
  std::optional<int> year_query(const std::string& name);

 private:
  std::optional<service::StorePool::Lease> lease_;
  std::optional<service::SessionInfo> session_;
};

// Compact JSON text; invalid UTF-8 (which the database should never hold) is replaced
// rather than failing the response.
std::string json_text(const nlohmann::json& value);
Response json_response(int status, const nlohmann::json& body);

}  // namespace planscore::http
