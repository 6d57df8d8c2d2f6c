#include "server/api_call.h"

#include <cerrno>
#include <cstdlib>

#include "core/utf8.h"

namespace canje::server {
Reply JsonReply(const nlohmann::json& body, int status) {
  Reply reply;
  reply.status = status;
  // Bodies are built from the store and from validated requests, so they are UTF-8; should a
  // byte that is not still reach here, it is replaced (U+FFFD) rather than thrown on.
  reply.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return reply;
}

Reply TextReply(std::string body) {
  Reply reply;
  reply.content_type = std::string(kTextType);
  reply.body = std::move(body);
  return reply;
}

std::string ApiCall::Query(const std::string& name) const {
  auto found = query.find(name);
  return found == query.end() ? "" : found->second;
}

Result<int64_t> ApiCall::QueryInteger(const std::string& name, int64_t fallback) {
  auto found = query.find(name);
  if (found == query.end()) return fallback;
  const std::string& text = found->second;
  bool digits_only = !text.empty() && text.size() <= 19;
  for (char c : text) digits_only = digits_only && c >= '0' && c <= '9';
  char* end = nullptr;
  errno = 0;
  long long value = digits_only ? std::strtoll(text.c_str(), &end, 10) : -1;
  if (!digits_only || errno == ERANGE) {
    Status status = Status::Usage("query parameter '" + name + "': '" + QuoteUntrusted(text) +
                                  "' is not a whole number of 0 or more");
    return AtParameter(status, name);
  }
  return static_cast<int64_t>(value);
}

Result<nlohmann::json> ApiCall::JsonObjectBody() {
  const std::string& text = request.body();
  // nlohmann's parser reports where the text stops being JSON only through its exception;
  // caught here, at the library's boundary, and turned into a value.
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    size_t offset = error.byte == 0 ? 0 : error.byte - 1;
    int line = 1, column = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string what = error.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
    size_t colon = what.find(": ");
    problem = MalformedJsonProblem(line, column,
                                   colon == std::string::npos ? what : what.substr(colon + 2));
    return Status::Usage(problem->detail);
  } catch (const nlohmann::json::exception& error) {
    // Well-formed JSON the parser cannot hold, such as a number beyond a double (1e999999).
    std::string what = error.what();
    size_t bracket = what.find("] ");
    return AtPointer(
        Status::Usage("the body cannot be read: " +
                      QuoteUntrusted(bracket == std::string::npos ? what : what.substr(bracket + 2),
                                     200) +
                      "; write numbers within the range of a double"),
        "");
  }
  if (!body.is_object()) {
    return AtPointer(Status::Usage("the body must be a JSON object, such as {\"party\": \"VEN\"}"),
                     "");
  }
  return body;
}

Status ApiCall::AtParameter(Status status, const std::string& name) {
  problem = ProblemFromStatus(status);
  problem->extensions["parameter"] = name;
  return status;
}

Status ApiCall::AtPointer(Status status, const std::string& pointer) {
  problem = ProblemFromStatus(status, pointer);
  if (pointer.empty()) problem->extensions["pointer"] = "";
  return status;
}

}  // namespace canje::server
