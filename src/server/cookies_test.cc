#include "server/cookies.h"

#include <gtest/gtest.h>

namespace canje::server {
namespace {

TEST(CookiesTest, FindsTheNamedCookieAmongOthers) {
  EXPECT_EQ(CookieValue("canje_session=abc.1.xyz", "canje_session"), "abc.1.xyz");
  EXPECT_EQ(CookieValue("theme=dark; canje_session=abc ; lang=es", "canje_session"), "abc");
  EXPECT_EQ(CookieValue("canje_session=\"quoted\"", "canje_session"), "quoted");
  EXPECT_EQ(CookieValue("xcanje_session=no; canje_sessionx=no", "canje_session"), "");
  EXPECT_EQ(CookieValue("", "canje_session"), "");
  EXPECT_EQ(CookieValue(";;=;canje_session", "canje_session"), "");
}

TEST(CookiesTest, TheSessionCookieIsHttpOnlyStrictAndSecure) {
  EXPECT_EQ(SessionCookieHeader("v", 600),
            "canje_session=v; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=600");
  EXPECT_EQ(ClearedSessionCookieHeader(),
            "canje_session=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0");
}

}  // namespace
}  // namespace canje::server
