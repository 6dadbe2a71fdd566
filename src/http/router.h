#pragma once
// The route table: every route the server answers, with the facts the security layer and
// the tests need (does it need a session, does it change state). Matching is by path
// segments; "{name}" matches one non-empty segment and becomes a path parameter.
#include <functional>
#include <string>
#include <vector>

#include "http/message.h"

namespace planscore::http {

using Handler = std::function<Response(Request&)>;

struct Route {
  std::string method;   // "GET", "POST", "PUT", "PATCH", "DELETE"
  std::string pattern;  // "/api/registers/{register}/records/{record}"
  bool needs_session = true;
  bool changes_state = false;  // POST/PUT/PATCH/DELETE: needs the CSRF token
  // Reports, imports and other requests that may take seconds: the server runs them on
  // its report workers, so they never hold every request thread (server.h).
  bool runs_long = false;
  Handler handler;
};

class Router {
 public:
  void add(Route route);
  // Calls the matching route's handler. No path match: 404 problem document; a path match
  // with another method: 405 with Allow. A handler's exception becomes a 500 problem
  // document that reveals nothing of the exception (it is logged instead).
  Response dispatch(Request& request) const;
  // Whether the route `request` would be dispatched to runs long.
  bool runs_long(const Request& request) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  // The route for the request's path and method; nullptr with the methods the path does
  // allow (none: no such path).
  const Route* find(const Request& request, std::vector<std::string>& allowed) const;
  std::vector<Route> routes_;
};

}  // namespace planscore::http
