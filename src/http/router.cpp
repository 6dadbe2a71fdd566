#include "http/router.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>
#include <string_view>

#include "http/logging.h"
#include "http/problem.h"

namespace planscore::http {
namespace {

// "/a/b/" → {"a", "b", ""}: a trailing slash is an empty segment, so "/a/b/" does not
// match "/a/b" and no "{name}" can match an empty segment.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.empty() || path.front() != '/') return segments;
  path.remove_prefix(1);
  while (true) {
    const auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Which segments of a matching pattern were literal: "/registers/new" must win over
// "/registers/{register}" whichever was added first.
using Specificity = std::vector<bool>;

bool matches(const std::vector<std::string_view>& pattern,
             const std::vector<std::string_view>& path, Specificity& specificity) {
  if (pattern.size() != path.size()) return false;
  specificity.clear();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const bool parameter = is_parameter(pattern[i]);
    if (parameter ? path[i].empty() : pattern[i] != path[i]) return false;
    specificity.push_back(!parameter);
  }
  return true;
}

}  // namespace

void Router::add(Route route) {
  if (split_path(route.pattern).empty())
    throw std::invalid_argument("route pattern must start with '/': " + route.pattern);
  if (!route.handler) throw std::invalid_argument("route has no handler: " + route.pattern);
  routes_.push_back(std::move(route));
}

const Route* Router::find(const Request& request, std::vector<std::string>& allowed) const {
  const auto path = split_path(request.path);
  const Route* best = nullptr;
  Specificity best_specificity, specificity;
  for (const auto& route : routes_) {
    if (!matches(split_path(route.pattern), path, specificity)) continue;
    if (route.method != request.method) {
      allowed.push_back(route.method);
      continue;
    }
    if (!best || specificity > best_specificity) {
      best = &route;
      best_specificity = specificity;
    }
  }
  return best;
}

bool Router::runs_long(const Request& request) const {
  std::vector<std::string> allowed;
  const Route* route = find(request, allowed);
  return route != nullptr && route->runs_long;
}

Response Router::dispatch(Request& request) const {
  std::vector<std::string> allowed;
  const Route* best = find(request, allowed);
  if (!best) {
    if (allowed.empty()) return not_found();
    std::sort(allowed.begin(), allowed.end());
    allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
    return method_not_allowed(allowed);
  }

  request.path_params.clear();
  const auto path = split_path(request.path);
  const auto pattern = split_path(best->pattern);
  for (std::size_t i = 0; i < pattern.size(); ++i)
    if (is_parameter(pattern[i]))
      request.path_params.emplace(pattern[i].substr(1, pattern[i].size() - 2), path[i]);

  try {
    return best->handler(request);
  } catch (const std::exception& e) {
    spdlog::error("handler failed method={} path={} route={} error={}", request.method,
                  log_quote(request.path), log_quote(best->pattern), log_quote(e.what()));
  } catch (...) {
    spdlog::error("handler failed method={} path={} route={} error=\"unknown exception\"",
                  request.method, log_quote(request.path), log_quote(best->pattern));
  }
  return internal_error();
}

}  // namespace planscore::http
