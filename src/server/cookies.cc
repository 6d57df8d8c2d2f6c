#include "server/cookies.h"

#include "server/request_framing.h"

namespace canje::server {
namespace {

constexpr std::string_view kAttributes = "; Path=/; HttpOnly; SameSite=Strict; Secure";

}  // namespace

std::string CookieValue(std::string_view cookie_header, std::string_view name) {
  while (!cookie_header.empty()) {
    const size_t end = cookie_header.find(';');
    std::string_view pair = TrimOws(cookie_header.substr(0, end));
    cookie_header = end == std::string_view::npos ? std::string_view() : cookie_header.substr(end + 1);
    const size_t equals = pair.find('=');
    if (equals == std::string_view::npos) continue;
    if (TrimOws(pair.substr(0, equals)) != name) continue;
    std::string_view value = TrimOws(pair.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return "";
}

std::string SessionCookieHeader(std::string_view value, int64_t max_age_seconds) {
  return std::string(kSessionCookie) + "=" + std::string(value) + kAttributes.data() +
         "; Max-Age=" + std::to_string(max_age_seconds < 0 ? 0 : max_age_seconds);
}

std::string ClearedSessionCookieHeader() {
  return std::string(kSessionCookie) + "=" + std::string(kAttributes) + "; Max-Age=0";
}

}  // namespace canje::server
