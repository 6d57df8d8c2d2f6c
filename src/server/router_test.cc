#include "server/router.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace canje::server {
namespace {

using TestRouter = Router<std::string>;

TestRouter MakeRouter() {
  TestRouter router;
  EXPECT_TRUE(router.Add("GET", "/v1/persons", "list persons").ok());
  EXPECT_TRUE(router.Add("GET", "/v1/persons/{id}", "show person").ok());
  EXPECT_TRUE(router.Add("GET", "/v1/proposals/{id}", "show proposal").ok());
  EXPECT_TRUE(router.Add("POST", "/v1/proposals/{id}/accept", "accept").ok());
  EXPECT_TRUE(router.Add("PUT", "/v1/proposals/{id}/accept", "replace").ok());
  return router;
}

TEST(RouterTest, FindsTheHandlerAndItsParameters) {
  TestRouter router = MakeRouter();
  auto match = router.Find("GET", "/v1/persons/P17");
  ASSERT_EQ(match.kind, TestRouter::Match::Kind::kFound);
  EXPECT_EQ(*match.handler, "show person");
  EXPECT_EQ(match.params.at("id"), "P17");

  match = router.Find("POST", "/v1/proposals/V3/accept");
  ASSERT_EQ(match.kind, TestRouter::Match::Kind::kFound);
  EXPECT_EQ(*match.handler, "accept");
  EXPECT_EQ(match.params.at("id"), "V3");

  match = router.Find("GET", "/v1/persons");
  ASSERT_EQ(match.kind, TestRouter::Match::Kind::kFound);
  EXPECT_EQ(*match.handler, "list persons");
  EXPECT_TRUE(match.params.empty());
}

TEST(RouterTest, AnUnknownPathIsNoRoute) {
  TestRouter router = MakeRouter();
  for (const char* path : {"/v1/nothing", "/v1/persons/P17/extra", "/v1/persons/", "/v1", "/",
                           "v1/persons", "", "/V1/persons"}) {
    EXPECT_EQ(router.Find("GET", path).kind, TestRouter::Match::Kind::kNoRoute) << path;
  }
}

TEST(RouterTest, AKnownPathWithAnotherMethodSaysWhichMethodsAreAllowed) {
  TestRouter router = MakeRouter();
  auto match = router.Find("DELETE", "/v1/proposals/V3/accept");
  ASSERT_EQ(match.kind, TestRouter::Match::Kind::kMethodNotAllowed);
  EXPECT_EQ(match.allow, "POST, PUT");
  EXPECT_EQ(match.handler, nullptr);

  match = router.Find("POST", "/v1/persons/P1");
  ASSERT_EQ(match.kind, TestRouter::Match::Kind::kMethodNotAllowed);
  EXPECT_EQ(match.allow, "GET");
}

TEST(RouterTest, RefusesBadPatternsAndDuplicates) {
  TestRouter router;
  EXPECT_EQ(router.Add("GET", "v1/persons", "x").code(), StatusCode::kUsage);
  EXPECT_EQ(router.Add("GET", "/v1//persons", "x").code(), StatusCode::kUsage);
  EXPECT_EQ(router.Add("GET", "/v1/persons/{id", "x").code(), StatusCode::kUsage);
  EXPECT_EQ(router.Add("GET", "/v1/persons/{}", "x").code(), StatusCode::kUsage);
  EXPECT_TRUE(router.Add("GET", "/v1/persons/{id}", "x").ok());
  EXPECT_EQ(router.Add("GET", "/v1/persons/{id}", "y").code(), StatusCode::kUsage);
  EXPECT_TRUE(router.Add("POST", "/v1/persons/{id}", "y").ok());
}

TEST(RouterTest, ARestParameterTakesOneOrMoreSegmentsWithTheirSlashes) {
  TestRouter router;
  ASSERT_TRUE(router.Add("GET", "/log/tile/{tile...}", "tile").ok());
  ASSERT_TRUE(router.Add("GET", "/log/public/{capability}/tile/{tile...}", "public tile").ok());
  auto match = router.Find("GET", "/log/tile/0/x001/067.p/9");
  ASSERT_EQ(match.kind, TestRouter::Match::Kind::kFound);
  EXPECT_EQ(*match.handler, "tile");
  EXPECT_EQ(match.params.at("tile"), "0/x001/067.p/9");
  match = router.Find("GET", "/log/public/ab12/tile/entries/000");
  ASSERT_EQ(match.kind, TestRouter::Match::Kind::kFound);
  EXPECT_EQ(match.params.at("capability"), "ab12");
  EXPECT_EQ(match.params.at("tile"), "entries/000");
  EXPECT_EQ(router.Find("GET", "/log/tile/000").params.at("tile"), "000");
  // Not nothing, and no empty segment anywhere in the rest.
  for (const char* path : {"/log/tile", "/log/tile/", "/log/tile/0//000", "/log/tile/0/000/",
                           "/log/public//tile/0/000"}) {
    EXPECT_EQ(router.Find("GET", path).kind, TestRouter::Match::Kind::kNoRoute) << path;
  }
  EXPECT_EQ(router.Find("POST", "/log/tile/0/000").allow, "GET");
  // Described as the OpenAPI document names it.
  EXPECT_EQ(router.Describe(), (std::vector<std::string>{
                                   "GET /log/tile/{tile}",
                                   "GET /log/public/{capability}/tile/{tile}"}));
}

TEST(RouterTest, ARestParameterIsNamedAndLast) {
  TestRouter router;
  EXPECT_EQ(router.Add("GET", "/log/{...}", "x").code(), StatusCode::kUsage);
  EXPECT_EQ(router.Add("GET", "/log/{tile...}/more", "x").code(), StatusCode::kUsage);
  EXPECT_TRUE(router.Add("GET", "/log/{tile...}", "x").ok());
}

}  // namespace
}  // namespace canje::server
