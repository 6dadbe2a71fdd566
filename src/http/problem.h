#pragma once
// Error responses as RFC 9457 problem documents (application/problem+json), so every
// failure a client sees has the same shape:
//   {"type":"about:blank","title":"Not Found","status":404,"detail":"…",
//    "errors":[{"path":"rows[3].date","message":"…"}]}
// "errors" appears only when there are input problems to report.
#include <chrono>
#include <string>
#include <vector>

#include "core/problem.h"
#include "http/message.h"

namespace planscore::http {

// The problem type when a request is rejected for its content and "errors" says where.
inline constexpr const char* invalid_input_type = "urn:planscore:problem:invalid-input";

struct ProblemDetails {
  int status = 500;
  std::string type = "about:blank";
  std::string title;   // empty: the status's reason phrase
  std::string detail;  // empty: left out
  core::Problems errors;
};

Response problem_response(const ProblemDetails& problem);

// "Not Found" for 404 …; "Error" for a status it does not know.
std::string reason_phrase(int status);

// With problems the type is invalid_input_type and the title "Invalid input".
Response bad_request(const std::string& detail, const core::Problems& problems = {});
Response unauthorized(const std::string& detail = "Sign in to continue.");
Response forbidden(const std::string& detail = "You may not do this.");
Response not_found(const std::string& detail = "There is nothing here.");
// 405 with an Allow header listing `allowed`.
Response method_not_allowed(const std::vector<std::string>& allowed);
Response conflict(const std::string& detail);
Response payload_too_large(const std::string& detail);
// 429 with Retry-After in whole seconds (at least 1).
Response too_many_requests(std::chrono::seconds retry_after,
                           const std::string& detail = "Too many requests; try again later.");
// 503 with Retry-After in whole seconds (at least 1): the server is busy, not broken.
Response service_busy(std::chrono::seconds retry_after, const std::string& detail);
// 415: the body is not in the media type the route reads; `detail` names the one it does.
Response unsupported_media_type(const std::string& detail);
Response unprocessable(const std::string& detail, const core::Problems& problems = {});
// 500 that says nothing about the cause: details belong in the log, not the response.
Response internal_error();

}  // namespace planscore::http
