// Plain-HTTP URLs as canje takes them for witnesses ("http://witness.example:8080/prefix"):
// scheme, host, port and a path prefix, nothing else.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace canje {

struct HttpUrl {
  std::string host;    // a name, an IPv4 address, or an IPv6 address without its brackets
  uint16_t port = 80;  // 80 when not given
  std::string path;    // "" or "/prefix" (no trailing slash)

  // "http://host:port/path", brackets around an IPv6 host; the form ParseHttpUrl accepts.
  std::string ToString() const;
};

// Parses "http://HOST[:PORT][/PATH]". kUsage, quoting the URL and saying what to write, for
// another scheme (https is not spoken: put a TLS tunnel in front), user information, a query,
// a fragment, an empty host, a port out of 1..65535, or spaces and control characters. A final
// '/' of the path is dropped.
Result<HttpUrl> ParseHttpUrl(std::string_view text);

}  // namespace canje
