#include "server/request_target.h"

#include <optional>

#include "core/encoding.h"

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
                             std::string(text) + "'; write %XX with two hex digits");
      }
      out += static_cast<char>(byte->front());
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

Result<RequestTarget> ParseRequestTarget(std::string_view target) {
  if (target.empty() || target.front() != '/') {
    return Status::Usage("the request target must be an absolute path such as /v1/whoami");
  }
  RequestTarget parsed;
  size_t question = target.find('?');
  CANJE_ASSIGN_OR_RETURN(parsed.path, Decode(target.substr(0, question), false));
  if (question == std::string_view::npos) return parsed;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t equals = pair.find('=');
    CANJE_ASSIGN_OR_RETURN(std::string name, Decode(pair.substr(0, equals), true));
    std::string value;
    if (equals != std::string_view::npos) {
      CANJE_ASSIGN_OR_RETURN(value, Decode(pair.substr(equals + 1), true));
    }
    parsed.query[name] = value;
  }
  return parsed;
}

}  // namespace canje::server
