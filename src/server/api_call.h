// What a handler of the HTTP API receives and returns.
//
// A handler parses the request (path parameters, query, JSON body), calls the same core
// function the command line calls with the instance opened for the token's user, and maps the
// result to JSON with src/wire. It holds no rules. It returns a Reply, or the core's Status,
// which the API turns into a problem response (server/problem.h) with the status of the table
// in docs/principles.md. When the fault is one field of the request, helpers record where (a JSON
// pointer into the body, or the query parameter's name) in `problem`, which then replaces the
// plain mapping of the Status.
#pragma once

#include <boost/beast/http.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "authentication/sign_in.h"
#include "core/json_array.h"
#include "core/status.h"
#include "instance/access.h"
#include "instance/instance.h"
#include "server/http_types.h"
#include "server/instance_pool.h"
#include "server/problem.h"
#include "server/router.h"

namespace canje::server {

struct Reply {
  int status = 200;
  std::string content_type = std::string(kJsonType);
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. ETag
};

// A JSON reply (status 200 unless given), the body dumped compactly.
Reply JsonReply(const nlohmann::json& body, int status = 200);
Reply TextReply(std::string body);
// A JSON array reply: JsonArrayOf(rows, map).
template <typename Rows, typename Map>
Reply JsonArrayReply(const Rows& rows, Map map) {
  return JsonReply(JsonArrayOf(rows, map));
}

struct ApiCall {
  const HttpRequest& request;
  PathParams params;                         // from the route pattern
  std::map<std::string, std::string> query;  // decoded
  instance::Instance& instance;              // acting as the token's or session's user
  std::optional<Problem> problem;            // set by the helpers when one field is at fault
  // The session the request came with (a signed-in person's cookie); null for an API token.
  const authentication::ActiveSession* session = nullptr;

  // The path parameter `name` (always present: the router matched it).
  const std::string& Param(const std::string& name) const { return params.at(name); }
  // The query parameter, or "" when absent.
  std::string Query(const std::string& name) const;
  // A query parameter that counts (an index, a size, a limit): decimal digits only, at most
  // 2^63-1; `fallback` when absent. kUsage naming the parameter for anything else ("-5", "+5",
  // " 5", "1e3", "").
  Result<int64_t> QueryInteger(const std::string& name, int64_t fallback);
  // The body as a JSON object. kUsage: not JSON (problem: 400 with line and column), or not an
  // object (pointer "").
  Result<nlohmann::json> JsonObjectBody();
  // Records that `status` is about the body member at `pointer`, and returns it.
  Status AtPointer(Status status, const std::string& pointer);
  // Records that `status` is about query parameter `name` ("parameter": name), and returns it.
  Status AtParameter(Status status, const std::string& name);
};

using Handler = std::function<Result<Reply>(ApiCall&)>;

// A route: its handler, and the action of the access table (instance/access.h) that the use
// case it calls checks — or kEveryCaller for what any signed-in user may do about itself (who
// it is, its own session). The declaration grants and refuses nothing (the use case does); it
// lets the route × role test (serve_access_matrix_test.cc) check every route against the table.
struct Endpoint {
  std::optional<instance::Action> action;
  Handler handler;
};
inline constexpr std::nullopt_t kEveryCaller = std::nullopt;
using Routes = Router<Endpoint>;

// What the API's settings say to handlers that need them (signing in).
struct ApiOptions {
  authentication::SignInPolicy sign_in;
  int max_concurrent_sign_ins = 2;  // each costs scrypt's 32 MiB and tens of milliseconds
  // The web console's folder (server/console_files.h): / and /assets/... are answered from it
  // ("": none was found, / says how to build it). nullopt: the API alone, / needs a token.
  std::optional<std::string> console;
  // A session found open in the store is not read again for this long
  // (authentication/recent_sessions.h): the bound within which a session ended by another
  // process sharing the store stops working here. Changes made through this server take
  // effect at once. Zero: every request reads the store.
  std::chrono::milliseconds session_recheck{1000};
};

// A request to a route that needs no token or session: signing in, health and readiness, the
// log's public tiles.
// Such a handler opens what it needs from `pool` itself.
struct PublicCall {
  const HttpRequest& request;
  PathParams params;  // from the route pattern, matched on the raw path
  std::map<std::string, std::string> query;
  InstancePool& pool;
  const ApiOptions& options;
  std::optional<Problem> problem;

  // The path parameter `name` (always present: the router matched it).
  const std::string& Param(const std::string& name) const { return params.at(name); }
};
using PublicHandler = std::function<Result<Reply>(PublicCall&)>;
using PublicRoutes = Router<PublicHandler>;

}  // namespace canje::server
