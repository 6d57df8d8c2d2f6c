#include "server/request_target.h"

#include <optional>

#include "core/encoding.h"
#include "core/utf8.h"

namespace canje::server {
namespace {

Result<std::string> Decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      std::optional<Bytes> byte =
          i + 2 < text.size() ? HexDecode(text.substr(i + 1, 2)) : std::nullopt;
      if (!byte) {
        return Status::Usage("bad percent escape at character " + std::to_string(i + 1) + " of '" +
                             QuoteUntrusted(text) + "'; write %XX with two hex digits");
      }
      out += static_cast<char>(byte->front());
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  if (size_t bad = FindInvalidUtf8(out); bad != std::string::npos) {
    return Status::Usage("'" + QuoteUntrusted(out) + "' is not UTF-8 (byte " +
                         std::to_string(bad + 1) +
                         " once decoded); percent-encode the UTF-8 bytes of the text");
  }
  return out;
}

}  // namespace

Result<RequestTarget> ParseRequestTarget(std::string_view target, std::string* bad_parameter) {
  if (target.empty() || target.front() != '/') {
    return Status::Usage("the request target must be an absolute path such as /v1/whoami");
  }
  RequestTarget parsed;
  size_t question = target.find('?');
  Result<std::string> path = Decode(target.substr(0, question), false);
  if (!path.ok()) return Status::Usage("the path: " + path.status().message());
  parsed.path = std::move(*path);
  if (question == std::string_view::npos) return parsed;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t equals = pair.find('=');
    Result<std::string> name = Decode(pair.substr(0, equals), true);
    if (!name.ok()) return Status::Usage("a query parameter's name: " + name.status().message());
    std::string value;
    if (equals != std::string_view::npos) {
      Result<std::string> decoded = Decode(pair.substr(equals + 1), true);
      if (!decoded.ok()) {
        if (bad_parameter) *bad_parameter = *name;
        return Status::Usage("query parameter '" + *name + "': " + decoded.status().message());
      }
      value = std::move(*decoded);
    }
    parsed.query[*name] = value;
  }
  return parsed;
}

}  // namespace canje::server
