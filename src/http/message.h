#pragma once
// An HTTP exchange as plain values, so handlers and tests never see the server library
// (RESTinio stays inside server.cpp).
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planscore::http {

struct Request {
  std::string method;  // "GET", "POST" …
  std::string path;    // decoded path without the query: "/api/registers/volunteers/records"
  std::multimap<std::string, std::string> query;  // decoded query parameters
  std::map<std::string, std::string> headers;     // names lower-cased
  std::string body;
  std::string remote_address;  // the peer's IP address
  // Filled by the router from the matched pattern: "/api/registers/{register}" → "register".
  std::map<std::string, std::string> path_params;

  // The header's value or "" (name in any case).
  std::string header(const std::string& name) const;
  // The Content-Type without its parameters, lower-cased ("application/json" for
  // "Application/JSON; charset=utf-8"); "" when there is none.
  std::string media_type() const;
  std::optional<std::string> cookie(const std::string& name) const;
  std::optional<std::string> query_value(const std::string& name) const;
  const std::string& param(const std::string& name) const;  // path parameter, "" if absent
};

// Sends a response body a piece at a time, for bodies too large to hold in memory.
class BodyWriter {
 public:
  virtual ~BodyWriter() = default;
  // Sends `piece` and waits until the client has taken it; false when the client has
  // gone or the server is stopping, and the producer should stop.
  virtual bool write(std::string_view piece) = 0;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // When set, the body comes from here instead of `body`: called on a report worker,
  // never a request thread, after the status and headers have gone out (chunked). An
  // exception it throws leaves the body unfinished, so the client sees it fail instead
  // of taking a truncated file for a whole one.
  std::function<void(BodyWriter&)> stream;
  // Hold the response this long before sending it, without holding a thread (a sign-in to
  // an account being slowed down).
  std::chrono::milliseconds send_after{0};

  void set_header(const std::string& name, const std::string& value);
  static Response json(int status, std::string body);  // application/json; charset=utf-8
};

}  // namespace planscore::http
