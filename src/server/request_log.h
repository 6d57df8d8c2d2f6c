// `canje serve`'s structured log: one JSON object a line, on stderr or appended to a file, so
// that an operator can trace a complaint ("request 5f0c... failed") to its line.
//
// A request's line holds: time (RFC 3339, UTC, milliseconds), level, "event": "request",
// request_id (also sent to the client as the X-Request-Id response header), method ("other"
// for a method HTTP does not define), route (the matched pattern, "/v1/persons/{id}": never
// the raw path, whose ids say whom the caller looked at, nor the query, whose values can hold
// names), status, duration_ms and user (the caller's, by API token or session, once known).
// Never a token, a cookie, a body, a name, a header or an error message. Requests refused
// before routing (not signed in, no route) have no route, except the public ones (sign-in,
// health), which have no user.
//
// Levels: "info" logs every request, "warning" only 4xx and 5xx answers, "error" only 5xx
// answers; the server's own events (start, stop, reload) are info, a reload that leaves changed
// settings for a restart a warning, a failed reload an error.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "server/http_types.h"

namespace canje::server {

enum class LogLevel { kError = 0, kWarning = 1, kInfo = 2 };

// "error", "warning", "info" (for the --log-level check).
std::vector<std::string> LogLevelNames();
// kUsage naming the accepted names.
Result<LogLevel> ParseLogLevel(std::string_view name);

class RequestLog {
 public:
  // `path` empty: stderr. Else the file is created (mode 0640) or appended to. kCannotWrite
  // when it cannot be opened.
  static Result<std::unique_ptr<RequestLog>> Open(const std::string& path, LogLevel level);
  ~RequestLog();
  RequestLog(const RequestLog&) = delete;
  RequestLog& operator=(const RequestLog&) = delete;

  // Opens `path` again (after a log rotation, or a new path) and sets the level; on failure
  // keeps writing where it did and returns kCannotWrite. Thread-safe.
  Status Reconfigure(const std::string& path, LogLevel level);

  bool Enabled(LogLevel level) const { return level <= level_.load(); }
  // Writes `fields` preceded by "time" and "level" as one line, in one write(2), when the
  // level is enabled. Thread-safe; never throws (a line that cannot be written is dropped).
  void Write(LogLevel level, const nlohmann::ordered_json& fields);
  // The same, for fields already written as JSON object members without the braces
  // (`"event":"request","status":200`): the line is `{"time":...,"level":...,` + members + `}`.
  void WriteMembers(LogLevel level, std::string_view members);

 private:
  RequestLog(int fd, std::string path, LogLevel level)
      : fd_(fd), path_(std::move(path)), level_(level) {}
  std::mutex mutex_;  // guards fd_ and path_
  int fd_;            // 2 for stderr
  std::string path_;
  std::atomic<LogLevel> level_;
};

// Wraps the handler that answers requests: gives each request an id (sent back as
// X-Request-Id), times it, and writes its line to the log — for requests handled, for those the
// inner handler's Screen() refuses before their body, and for those the listener refuses.
class LoggedHandler : public RequestHandler {
 public:
  // Both must outlive this.
  LoggedHandler(RequestHandler& inner, RequestLog& log) : inner_(inner), log_(log) {}
  std::optional<HttpResponse> Screen(const HttpRequest& header) override;
  // The inner handler's.
  size_t BodyLimit(const HttpRequest& header, size_t configured) override {
    return inner_.BodyLimit(header, configured);
  }
  HttpResponse Handle(const HttpRequest& request) override;
  void Refused(HttpResponse& response) override;

 private:
  RequestHandler& inner_;
  RequestLog& log_;
};

// 16 random bytes as 32 hex digits.
std::string NewRequestId();

// Called by the API while it answers a request inside LoggedHandler::Handle (on the same
// thread): the caller's user and the route's pattern go into the request's log line. Outside
// a logged request they do nothing.
void NoteRequestUser(std::string_view user);
void NoteRequestRoute(std::string_view pattern);

}  // namespace canje::server
