#include "core/http_url.h"

namespace canje {

std::string HttpUrl::ToString() const {
  const bool ipv6 = host.find(':') != std::string::npos;
  std::string text = "http://" + (ipv6 ? "[" + host + "]" : host);
  if (port != 80) text += ":" + std::to_string(port);
  return text + path;
}

Result<HttpUrl> ParseHttpUrl(std::string_view text) {
  auto bad = [&](std::string_view why) {
    return Status::Usage("'" + std::string(text) + "' is not a witness URL: " + std::string(why) +
                         "; write http://HOST[:PORT][/PATH], e.g. http://witness.example:8080");
  };
  for (char c : text) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
      return bad("it has a space or a control character");
  }
  constexpr std::string_view kScheme = "http://";
  if (text.substr(0, kScheme.size()) != kScheme) {
    if (text.substr(0, 8) == "https://") {
      return bad(
          "canje speaks plain HTTP to witnesses (https is not supported yet: reach the "
          "witness through a TLS tunnel such as stunnel on loopback)");
    }
    return bad("it must start with http://");
  }
  std::string_view rest = text.substr(kScheme.size());
  if (rest.find_first_of("?#") != std::string_view::npos) return bad("it has a query or fragment");
  const size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  HttpUrl url;
  url.path = slash == std::string_view::npos ? "" : std::string(rest.substr(slash));
  while (!url.path.empty() && url.path.back() == '/') url.path.pop_back();
  if (authority.find('@') != std::string_view::npos) return bad("it has user information");
  std::string_view port_text;
  if (!authority.empty() && authority.front() == '[') {
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) return bad("an IPv6 address lacks its ']'");
    url.host = std::string(authority.substr(1, close - 1));
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return bad("something follows the IPv6 address");
      port_text = after.substr(1);
      if (port_text.empty()) return bad("the port is empty");
    }
  } else {
    const size_t colon = authority.find(':');
    url.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) {
      port_text = authority.substr(colon + 1);
      if (port_text.empty()) return bad("the port is empty");
    }
  }
  if (url.host.empty()) return bad("it has no host");
  if (!port_text.empty()) {
    int port = 0;
    for (char c : port_text) {
      if (c < '0' || c > '9' || port > 65535) return bad("the port must be 1 to 65535");
      port = port * 10 + (c - '0');
    }
    if (port < 1 || port > 65535) return bad("the port must be 1 to 65535");
    url.port = static_cast<uint16_t>(port);
  }
  return url;
}

}  // namespace canje
