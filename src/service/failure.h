#pragma once
// A use case refused: the kind says why (front doors map it to an HTTP status or an exit
// code), the message says what is wrong for a person, problems name each bad field.
#include <chrono>
#include <stdexcept>
#include <string>

#include "core/problem.h"

namespace planscore::service {

enum class FailureKind {
  invalid,       // the input is wrong (problems say where)
  unauthorized,  // not logged in, or the login failed
  forbidden,     // logged in, but the role or section does not allow it
  not_found,
  conflict,   // someone changed it first (stale version), or it already exists
  locked,     // the year is locked
  throttled,  // too many failed logins: retry_after_seconds says when to try again
};

struct Failure : std::runtime_error {
  Failure(FailureKind failure_kind, const std::string& message, core::Problems details = {})
      : std::runtime_error(message), kind(failure_kind), problems(std::move(details)) {}
  FailureKind kind;
  core::Problems problems;
  int retry_after_seconds = 0;
  // Hold the answer this long before sending it (a failed login to a slowed-down account).
  std::chrono::milliseconds response_delay{0};
};

}  // namespace planscore::service
