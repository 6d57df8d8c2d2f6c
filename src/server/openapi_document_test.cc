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

}  // namespace
}  // namespace canje::server
