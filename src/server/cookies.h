// Cookies of the HTTP API (RFC 6265): reading one from a request's Cookie header, and the
// Set-Cookie value of the session cookie. The session cookie is `canje_session`, HttpOnly (no
// script reads it), SameSite=Strict (no other site's page sends it), Secure (browsers send it
// only over HTTPS — and to loopback, which they trust), Path=/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace canje::server {

inline constexpr std::string_view kSessionCookie = "canje_session";

// The value of cookie `name` in a Cookie header ("a=1; canje_session=xyz"), or "" when absent.
std::string CookieValue(std::string_view cookie_header, std::string_view name);

// The Set-Cookie value that gives the session cookie `value` for `max_age_seconds`.
std::string SessionCookieHeader(std::string_view value, int64_t max_age_seconds);
// The Set-Cookie value that removes the session cookie.
std::string ClearedSessionCookieHeader();

}  // namespace canje::server
