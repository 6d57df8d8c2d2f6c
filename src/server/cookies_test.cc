#include "server/cookies.h"

#include <gtest/gtest.h>

#include "core/testing/text_cases.h"

namespace canje::server {
namespace {

using table_testing::ExpectEachMapsTo;

TEST(CookiesTest, FindsTheNamedCookieAmongOthers) {
  // Each input is a Cookie header; the value of its canje_session cookie is expected.
  const table_testing::TextCases cases = {
      {"canje_session=abc.1.xyz", "abc.1.xyz"},
      {"theme=dark; canje_session=abc ; lang=es", "abc"},
      {"canje_session=\"quoted\"", "quoted"},
      {"xcanje_session=no; canje_sessionx=no", ""},
      {"", ""},
      {";;=;canje_session", ""},
  };
  ExpectEachMapsTo([](std::string_view header) { return CookieValue(header, "canje_session"); },
                   cases);
}

TEST(CookiesTest, TheSessionCookieIsHttpOnlyStrictAndSecure) {
  EXPECT_EQ(SessionCookieHeader("v", 600),
            "canje_session=v; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=600");
  EXPECT_EQ(ClearedSessionCookieHeader(),
            "canje_session=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0");
}

}  // namespace
}  // namespace canje::server
