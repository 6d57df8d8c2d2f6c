#include "server/request_target.h"

#include <gtest/gtest.h>

#include "core/utf8.h"

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

TEST(RequestTargetTest, RefusesTextThatIsNotUtf8AndNamesTheParameter) {
  for (const char* bad : {"/v1/persons/P%ff", "/v1/\xff", "/v1/x?%c0%af=1"}) {
    std::string parameter;
    Result<RequestTarget> target = ParseRequestTarget(bad, &parameter);
    EXPECT_EQ(target.status().code(), StatusCode::kUsage) << bad;
    EXPECT_TRUE(IsValidUtf8(target.status().message())) << target.status().message();
    EXPECT_EQ(parameter, "") << bad;
  }
  std::string parameter;
  Result<RequestTarget> target = ParseRequestTarget("/v1/persons?nationality=%ff", &parameter);
  EXPECT_EQ(target.status().code(), StatusCode::kUsage);
  EXPECT_EQ(parameter, "nationality");
  EXPECT_NE(target.status().message().find("\\xff"), std::string::npos)
      << target.status().message();
}

}  // namespace
}  // namespace canje::server
