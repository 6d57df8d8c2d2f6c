// The router: method + path pattern -> handler.
//
// Patterns are absolute paths whose segments are literals or parameters in braces:
// "/v1/persons/{id}". A parameter matches exactly one non-empty segment; literals match
// byte for byte (no case folding, no trailing-slash leniency). The query string is not part of
// the path (strip it before matching).
//
// Match() says one of three things: the handler and its parameters; that no pattern matches the
// path (404); or that patterns match the path but none with this method (405), with the
// methods that would (for the Allow header, sorted, ", "-separated).
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace canje::server {

using PathParams = std::map<std::string, std::string>;

template <typename Handler>
class Router {
 public:
  // Adds a route. kUsage (a programming error caught by the tests) for a pattern that does not
  // start with '/', has an empty segment or an unclosed brace, or repeats a method + pattern.
  Status Add(std::string method, std::string pattern, Handler handler);

  struct Match {
    enum class Kind { kFound, kNoRoute, kMethodNotAllowed } kind = Kind::kNoRoute;
    const Handler* handler = nullptr;  // kFound
    PathParams params;                 // kFound
    std::string allow;                 // kMethodNotAllowed: "GET, POST"
  };
  Match Find(std::string_view method, std::string_view path) const;

  // Every route as "METHOD /pattern" ("GET /v1/persons/{id}"), in the order they were added.
  std::vector<std::string> Describe() const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;  // "{id}" for a parameter
    Handler handler;
  };
  std::vector<Route> routes_;
};

// Splits "/v1/persons/P17" into {"v1", "persons", "P17"} ("/" gives one empty segment); false
// when the path does not start with '/'. Used by the router's template.
bool SplitPath(std::string_view path, std::vector<std::string>& segments);
// True when `segment` is a parameter: "{name}".
bool IsParameter(std::string_view segment);

template <typename Handler>
Status Router<Handler>::Add(std::string method, std::string pattern, Handler handler) {
  Route route{std::move(method), {}, std::move(handler)};
  if (!SplitPath(pattern, route.segments)) {
    return Status::Usage("route pattern '" + pattern + "' must start with '/'");
  }
  for (const std::string& segment : route.segments) {
    if (segment.empty())
      return Status::Usage("route pattern '" + pattern + "' has an empty segment");
    bool opens = segment.front() == '{', closes = segment.back() == '}';
    if (opens != closes || (opens && segment.size() < 3)) {
      return Status::Usage("route pattern '" + pattern + "': bad parameter '" + segment + "'");
    }
  }
  for (const Route& existing : routes_) {
    if (existing.method == route.method && existing.segments == route.segments) {
      return Status::Usage("route " + route.method + " " + pattern + " is defined twice");
    }
  }
  routes_.push_back(std::move(route));
  return Status::Ok();
}

template <typename Handler>
std::vector<std::string> Router<Handler>::Describe() const {
  std::vector<std::string> described;
  for (const Route& route : routes_) {
    std::string pattern;
    for (const std::string& segment : route.segments) pattern += "/" + segment;
    described.push_back(route.method + " " + pattern);
  }
  return described;
}

template <typename Handler>
typename Router<Handler>::Match Router<Handler>::Find(std::string_view method,
                                                      std::string_view path) const {
  Match match;
  std::vector<std::string> segments;
  if (!SplitPath(path, segments)) return match;
  std::vector<std::string> allowed;
  for (const Route& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    PathParams params;
    bool matches = true;
    for (size_t i = 0; i < segments.size() && matches; ++i) {
      if (IsParameter(route.segments[i])) {
        if (segments[i].empty()) matches = false;
        params[route.segments[i].substr(1, route.segments[i].size() - 2)] = segments[i];
      } else {
        matches = route.segments[i] == segments[i];
      }
    }
    if (!matches) continue;
    if (route.method == method) {
      match.kind = Match::Kind::kFound;
      match.handler = &route.handler;
      match.params = std::move(params);
      return match;
    }
    allowed.push_back(route.method);
  }
  if (allowed.empty()) return match;
  std::sort(allowed.begin(), allowed.end());
  allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
  match.kind = Match::Kind::kMethodNotAllowed;
  for (const std::string& name : allowed) match.allow += (match.allow.empty() ? "" : ", ") + name;
  return match;
}

}  // namespace canje::server
