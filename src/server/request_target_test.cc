#include "server/request_target.h"

#include <gtest/gtest.h>

namespace canje::server {
namespace {

TEST(RequestTargetTest, SplitsPathAndDecodesTheQuery) {
  auto target = ParseRequestTarget("/v1/persons?list=L3&name=Jos%C3%A9+Luis&limit=10&flag");
  ASSERT_TRUE(target.ok()) << target.status().ToString();
  EXPECT_EQ(target->path, "/v1/persons");
  EXPECT_EQ(target->query.at("list"), "L3");
  EXPECT_EQ(target->query.at("name"), "Jos\xC3\xA9 Luis");
  EXPECT_EQ(target->query.at("limit"), "10");
  EXPECT_EQ(target->query.at("flag"), "");
}

TEST(RequestTargetTest, APlusInThePathStaysAPlus) {
  auto target = ParseRequestTarget("/v1/a+b%2Fc");
  ASSERT_TRUE(target.ok());
  EXPECT_EQ(target->path, "/v1/a+b/c");
  EXPECT_TRUE(target->query.empty());
}

TEST(RequestTargetTest, RefusesBadEscapesAndRelativeTargets) {
  for (const char* bad :
       {"/v1/%G1", "/v1/x?a=%4", "/v1/x?a=%", "v1/persons", "", "http://example.org/v1"}) {
    EXPECT_EQ(ParseRequestTarget(bad).status().code(), StatusCode::kUsage) << bad;
  }
}

}  // namespace
}  // namespace canje::server
