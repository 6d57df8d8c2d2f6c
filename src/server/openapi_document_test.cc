// The compiled-in OpenAPI document describes exactly the routes the server has: a route added
// without its description, or a description left behind by a removed route, fails here.
#include "server/openapi_document.h"

#include <gtest/gtest.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "server/handlers.h"

namespace canje::server {
namespace {

using nlohmann::json;

// "get", "/v1/persons" -> "GET /v1/persons", as Router::Describe writes a route.
std::string RouteName(const std::string& method, const std::string& path) {
  std::string name;
  for (char ch : method) name += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return name + " " + path;
}

std::set<std::string> DocumentedOperations(const json& document) {
  std::set<std::string> operations;
  for (const auto& [path, item] : document["paths"].items()) {
    for (const auto& [method, operation] : item.items()) operations.insert(RouteName(method, path));
  }
  return operations;
}

TEST(OpenApiDocumentTest, IsOpenApi31JsonWithUniqueOperationIds) {
  json document = json::parse(OpenApiDocument(), nullptr, false);
  ASSERT_FALSE(document.is_discarded()) << "src/server/openapi.json is not JSON";
  EXPECT_EQ(document["openapi"].get<std::string>().substr(0, 4), "3.1.");
  std::set<std::string> ids;
  for (const auto& [path, item] : document["paths"].items()) {
    for (const auto& [method, operation] : item.items()) {
      ASSERT_TRUE(operation.contains("operationId")) << method << " " << path;
      EXPECT_TRUE(ids.insert(operation["operationId"].get<std::string>()).second)
          << "operationId " << operation["operationId"] << " is used twice";
    }
  }
}

TEST(OpenApiDocumentTest, DescribesExactlyTheServersRoutes) {
  json document = json::parse(OpenApiDocument());
  Result<Routes> routes = AllRoutes();
  ASSERT_TRUE(routes.ok()) << routes.status().ToString();
  Result<PublicRoutes> public_routes = AllPublicRoutes();
  ASSERT_TRUE(public_routes.ok()) << public_routes.status().ToString();
  std::set<std::string> served;
  for (const std::string& route : routes->Describe()) served.insert(route);
  for (const std::string& route : public_routes->Describe()) served.insert(route);
  std::set<std::string> documented = DocumentedOperations(document);
  for (const std::string& route : served) {
    EXPECT_TRUE(documented.count(route))
        << route << " is served but not in src/server/openapi.json";
  }
  for (const std::string& operation : documented) {
    EXPECT_TRUE(served.count(operation))
        << operation << " is in src/server/openapi.json but not served";
  }
}

// Routes that need neither token nor session declare `security: []`, and only they do.
TEST(OpenApiDocumentTest, PublicRoutesAndOnlyThemNeedNoCredentials) {
  json document = json::parse(OpenApiDocument());
  Result<PublicRoutes> public_routes = AllPublicRoutes();
  ASSERT_TRUE(public_routes.ok());
  std::set<std::string> open;
  for (const std::string& route : public_routes->Describe()) open.insert(route);
  for (const auto& [path, item] : document["paths"].items()) {
    for (const auto& [method, operation] : item.items()) {
      const std::string route = RouteName(method, path);
      bool declared_open = operation.contains("security") && operation["security"].empty();
      EXPECT_EQ(declared_open, open.count(route) == 1) << route;
    }
  }
}

// A path parameter the document marks `x-canje-rest-of-path` (tests/api/check_responses.mjs
// matches it so) takes several segments in the server's router too ("{tile...}", router.h),
// and no other parameter does.
TEST(OpenApiDocumentTest, OnlyParametersMarkedRestOfPathTakeSlashes) {
  json document = json::parse(OpenApiDocument());
  Result<Routes> routes = AllRoutes();
  Result<PublicRoutes> public_routes = AllPublicRoutes();
  ASSERT_TRUE(routes.ok() && public_routes.ok());
  int marked = 0;
  for (const auto& [path, item] : document["paths"].items()) {
    for (const auto& [method, operation] : item.items()) {
      std::set<std::string> rest_of_path;
      for (json parameter : operation.value("parameters", json::array())) {
        if (parameter.contains("$ref")) {
          const std::string ref = parameter["$ref"];
          parameter = document["components"]["parameters"][ref.substr(ref.rfind('/') + 1)];
        }
        if (parameter.value("x-canje-rest-of-path", false)) {
          rest_of_path.insert(parameter["name"].get<std::string>());
        }
      }
      marked += static_cast<int>(rest_of_path.size());
      // Every parameter given two segments, "a1/b2", in turn.
      for (size_t open = path.find('{'); open != std::string::npos;
           open = path.find('{', open + 1)) {
        const std::string name = path.substr(open + 1, path.find('}', open) - open - 1);
        std::string concrete;
        for (size_t i = 0; i < path.size(); ++i) {
          if (path[i] != '{') {
            concrete += path[i];
            continue;
          }
          size_t close = path.find('}', i);
          concrete += path.substr(i + 1, close - i - 1) == name ? "a1/b2" : "c3";
          i = close;
        }
        const std::string upper = RouteName(method, "").substr(0, method.size());
        bool found = false;
        if (auto match = routes->Find(upper, concrete); match.kind == Routes::Match::Kind::kFound) {
          found = match.params.count(name) && match.params.at(name) == "a1/b2";
        }
        if (auto match = public_routes->Find(upper, concrete);
            match.kind == PublicRoutes::Match::Kind::kFound) {
          found = found || (match.params.count(name) && match.params.at(name) == "a1/b2");
        }
        EXPECT_EQ(found, rest_of_path.count(name) == 1) << RouteName(method, path) << " {" << name
                                                         << "} given " << concrete;
      }
    }
  }
  EXPECT_GT(marked, 0) << "the tile paths' parameter is marked";
}

}  // namespace
}  // namespace canje::server
