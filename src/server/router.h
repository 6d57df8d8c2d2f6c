// The router: method + path pattern -> handler.
//
// Patterns are absolute paths whose segments are literals or parameters in braces:
// "/v1/persons/{id}". A parameter matches exactly one non-empty segment; literals match
// byte for byte (no case folding, no trailing-slash leniency). The last segment may instead be
// a parameter that takes the rest of the path, "{name...}" (as in Go's ServeMux): one or more
// non-empty segments, given with their slashes ("/log/tile/{tile...}" gives tile = "0/x001/067"
// for "/log/tile/0/x001/067"). The query string is not part of the path (strip it before
// matching).
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
    const std::string* pattern = nullptr;  // kFound: "/v1/persons/{id}"
    PathParams params;                 // kFound
    std::string allow;                 // kMethodNotAllowed: "GET, POST"
  };
  Match Find(std::string_view method, std::string_view path) const;

  // Every route as "METHOD /pattern" ("GET /v1/persons/{id}"), in the order they were added;
  // a parameter that takes the rest of the path is written as the OpenAPI document names it,
  // "{tile}" for "{tile...}".
  std::vector<std::string> Describe() const;
  // Calls visit(described, handler) for every route in the order they were added, `described`
  // as Describe() writes it.
  template <typename Visit>
  void ForEach(Visit visit) const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // "{id}" for a parameter
    Handler handler;
  };
  std::vector<Route> routes_;
};

// Splits "/v1/persons/P17" into {"v1", "persons", "P17"} ("/" gives one empty segment); false
// when the path does not start with '/'. Used by the router's template.
bool SplitPath(std::string_view path, std::vector<std::string>& segments);
// True when `segment` is a parameter: "{name}" or "{name...}".
bool IsParameter(std::string_view segment);
// True when `segment` is a parameter that takes the rest of the path: "{name...}".
bool IsRestParameter(std::string_view segment);
// The parameter's name: "id" for "{id}" and for "{id...}".
std::string ParameterName(std::string_view segment);

template <typename Handler>
Status Router<Handler>::Add(std::string method, std::string pattern, Handler handler) {
  Route route{std::move(method), pattern, {}, std::move(handler)};
  if (!SplitPath(pattern, route.segments)) {
    return Status::Usage("route pattern '" + pattern + "' must start with '/'");
  }
  for (size_t i = 0; i < route.segments.size(); ++i) {
    const std::string& segment = route.segments[i];
    if (segment.empty())
      return Status::Usage("route pattern '" + pattern + "' has an empty segment");
    bool opens = segment.front() == '{', closes = segment.back() == '}';
    if (opens != closes || (opens && ParameterName(segment).empty())) {
      return Status::Usage("route pattern '" + pattern + "': bad parameter '" + segment + "'");
    }
    if (IsRestParameter(segment) && i + 1 != route.segments.size()) {
      return Status::Usage("route pattern '" + pattern + "': '" + segment +
                           "' takes the rest of the path, so it must be the last segment");
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
template <typename Visit>
void Router<Handler>::ForEach(Visit visit) const {
  for (const Route& route : routes_) {
    std::string pattern;
    for (const std::string& segment : route.segments) {
      pattern += "/" + (IsRestParameter(segment) ? "{" + ParameterName(segment) + "}" : segment);
    }
    visit(route.method + " " + pattern, route.handler);
  }
}

template <typename Handler>
std::vector<std::string> Router<Handler>::Describe() const {
  std::vector<std::string> described;
  ForEach([&](const std::string& route, const Handler&) { described.push_back(route); });
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
    const bool takes_rest = IsRestParameter(route.segments.back());
    if (takes_rest ? segments.size() < route.segments.size()
                   : segments.size() != route.segments.size()) {
      continue;
    }
    PathParams params;
    bool matches = true;
    for (size_t i = 0; i < route.segments.size() && matches; ++i) {
      if (IsRestParameter(route.segments[i])) {
        std::string rest;
        for (size_t j = i; j < segments.size() && matches; ++j) {
          matches = !segments[j].empty();
          rest += (j == i ? "" : "/") + segments[j];
        }
        params[ParameterName(route.segments[i])] = std::move(rest);
      } else if (IsParameter(route.segments[i])) {
        if (segments[i].empty()) matches = false;
        params[ParameterName(route.segments[i])] = segments[i];
      } else {
        matches = route.segments[i] == segments[i];
      }
    }
    if (!matches) continue;
    if (route.method == method) {
      match.kind = Match::Kind::kFound;
      match.handler = &route.handler;
      match.pattern = &route.pattern;
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
