#include "server/problem.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace canje::server {
namespace {

using nlohmann::json;

TEST(ProblemTest, EveryStatusCodeMapsToDesignsHttpStatusWithItsOwnType) {
  struct Case {
    StatusCode code;
    int http;
    const char* type;
  };
  for (const Case& c : {Case{StatusCode::kUsage, 400, "urn:canje:problem:usage"},
                        Case{StatusCode::kInvalid, 422, "urn:canje:problem:invalid"},
                        Case{StatusCode::kNotFound, 404, "urn:canje:problem:not_found"},
                        Case{StatusCode::kUnavailable, 503, "urn:canje:problem:unavailable"},
                        Case{StatusCode::kCannotWrite, 500, "urn:canje:problem:cannot_write"},
                        Case{StatusCode::kConflict, 409, "urn:canje:problem:conflict"},
                        Case{StatusCode::kNotPermitted, 403, "urn:canje:problem:not_permitted"},
                        Case{StatusCode::kInternal, 500, "urn:canje:problem:internal"}}) {
    Problem problem = ProblemFromStatus(Status(c.code, "what went wrong"));
    EXPECT_EQ(problem.status, c.http) << c.type;
    json body = json::parse(problem.Body());
    EXPECT_EQ(body["status"], c.http);
    EXPECT_EQ(body["type"], c.type);
    EXPECT_EQ(body["detail"], "what went wrong");
    EXPECT_FALSE(body["title"].get<std::string>().empty());
    EXPECT_FALSE(body.contains("pointer"));
  }
}

TEST(ProblemTest, AFieldAtFaultIsNamedByItsPointer) {
  json body = json::parse(
      ProblemFromStatus(Status::Usage("the body needs a member \"party\""), "/party").Body());
  EXPECT_EQ(body["status"], 400);
  EXPECT_EQ(body["pointer"], "/party");
}

TEST(ProblemTest, ProblemsWithoutACoreCodeHaveTheirOwnStatus) {
  EXPECT_EQ(UnauthorizedProblem("no token").status, 401);
  EXPECT_EQ(NoRouteProblem("/v1/x").status, 404);
  Problem not_allowed = MethodNotAllowedProblem("DELETE", "/v1/persons/P1", "GET");
  EXPECT_EQ(not_allowed.status, 405);
  EXPECT_NE(not_allowed.detail.find("use GET"), std::string::npos);
  EXPECT_EQ(BodyTooLargeProblem(10).status, 413);
  json malformed = json::parse(MalformedJsonProblem(2, 7, "syntax error").Body());
  EXPECT_EQ(malformed["status"], 400);
  EXPECT_EQ(malformed["line"], 2);
  EXPECT_EQ(malformed["column"], 7);
  EXPECT_EQ(malformed["type"], "urn:canje:problem:malformed_json");
}

}  // namespace
}  // namespace canje::server
