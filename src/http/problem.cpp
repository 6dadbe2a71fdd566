#include "http/problem.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace planscore::http {
namespace {

Response simple(int status, const std::string& detail) {
  ProblemDetails problem;
  problem.status = status;
  problem.detail = detail;
  return problem_response(problem);
}

Response with_problems(int status, const std::string& detail, const core::Problems& problems) {
  ProblemDetails problem;
  problem.status = status;
  problem.detail = detail;
  problem.errors = problems;
  if (!problems.empty()) {
    problem.type = invalid_input_type;
    problem.title = "Invalid input";
  }
  return problem_response(problem);
}

Response retry_later(int status, std::chrono::seconds retry_after, const std::string& detail) {
  auto response = simple(status, detail);
  response.set_header("Retry-After",
                      std::to_string(std::max<std::chrono::seconds::rep>(1, retry_after.count())));
  return response;
}

}  // namespace

std::string reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 411:
      return "Length Required";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 423:
      return "Locked";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    case 507:
      return "Insufficient Storage";
    default:
      return "Error";
  }
}

Response problem_response(const ProblemDetails& problem) {
  nlohmann::ordered_json document;
  document["type"] = problem.type;
  document["title"] = problem.title.empty() ? reason_phrase(problem.status) : problem.title;
  document["status"] = problem.status;
  if (!problem.detail.empty()) document["detail"] = problem.detail;
  if (!problem.errors.empty()) {
    auto& errors = document["errors"] = nlohmann::ordered_json::array();
    for (const auto& error : problem.errors)
      errors.push_back({{"path", error.path},
                        {"message", error.message},
                        {"code", error.code},
                        {"params", error.params}});
  }
  Response response;
  response.status = problem.status;
  // Details can quote user input; bytes that are not UTF-8 must not turn an error
  // report into an exception.
  response.body = document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  response.headers.emplace_back("Content-Type", "application/problem+json");
  return response;
}

Response bad_request(const std::string& detail, const core::Problems& problems) {
  return with_problems(400, detail, problems);
}

Response unauthorized(const std::string& detail) {
  return simple(401, detail);
}

Response forbidden(const std::string& detail) {
  return simple(403, detail);
}

Response not_found(const std::string& detail) {
  return simple(404, detail);
}

Response method_not_allowed(const std::vector<std::string>& allowed) {
  std::string allow;
  for (const auto& method : allowed) allow += (allow.empty() ? "" : ", ") + method;
  auto response = simple(405, "This resource allows only " + allow + ".");
  response.set_header("Allow", allow);
  return response;
}

Response conflict(const std::string& detail) {
  return simple(409, detail);
}

Response payload_too_large(const std::string& detail) {
  auto response = simple(413, detail);
  // The rest of an oversized body may still be on its way; a fresh connection is cleaner.
  response.set_header("Connection", "close");
  return response;
}

Response too_many_requests(std::chrono::seconds retry_after, const std::string& detail) {
  return retry_later(429, retry_after, detail);
}

Response service_busy(std::chrono::seconds retry_after, const std::string& detail) {
  return retry_later(503, retry_after, detail);
}

Response unsupported_media_type(const std::string& detail) {
  return simple(415, detail);
}

Response unprocessable(const std::string& detail, const core::Problems& problems) {
  return with_problems(422, detail, problems);
}

Response internal_error() {
  return simple(500, "The server could not complete the request; it has been logged.");
}

}  // namespace planscore::http
