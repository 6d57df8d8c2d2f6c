#include "core/status.h"

#include <gtest/gtest.h>

namespace canje {
namespace {

TEST(StatusTest, EveryCodeMapsToTheConventionTable) {
  EXPECT_EQ(ExitStatusFor(StatusCode::kOk), 0);
  EXPECT_EQ(ExitStatusFor(StatusCode::kUsage), 2);
  EXPECT_EQ(ExitStatusFor(StatusCode::kInvalid), 65);
  EXPECT_EQ(ExitStatusFor(StatusCode::kNotFound), 66);
  EXPECT_EQ(ExitStatusFor(StatusCode::kUnavailable), 69);
  EXPECT_EQ(ExitStatusFor(StatusCode::kCannotWrite), 73);
  EXPECT_EQ(ExitStatusFor(StatusCode::kConflict), 75);
  EXPECT_EQ(ExitStatusFor(StatusCode::kNotPermitted), 77);
  EXPECT_EQ(ExitStatusFor(StatusCode::kInternal), 1);
  EXPECT_EQ(HttpStatusFor(StatusCode::kUsage), 400);
  EXPECT_EQ(HttpStatusFor(StatusCode::kInvalid), 422);
  EXPECT_EQ(HttpStatusFor(StatusCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(StatusCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatusFor(StatusCode::kConflict), 409);
  EXPECT_EQ(HttpStatusFor(StatusCode::kNotPermitted), 403);
  EXPECT_EQ(StatusCodeName(StatusCode::kNotFound), "not_found");
}

Result<int> Half(int n) {
  if (n % 2 != 0) return Status::Invalid("odd number " + std::to_string(n));
  return n / 2;
}

Result<int> Quarter(int n) {
  CANJE_ASSIGN_OR_RETURN(int half, Half(n));
  CANJE_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

TEST(StatusTest, AssignOrReturnPropagatesTheFirstFailure) {
  EXPECT_EQ(*Quarter(8), 2);
  Result<int> bad = Quarter(6);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(bad.status().message(), "odd number 3");
  EXPECT_EQ(bad.status().WithContext("row 4").ToString(), "invalid: row 4: odd number 3");
}

}  // namespace
}  // namespace canje
