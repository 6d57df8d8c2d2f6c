#include "server/request_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <optional>

#include "core/digest.h"
#include "server/log_line.h"

namespace canje::server {
namespace {

using ordered_json = nlohmann::ordered_json;

constexpr std::string_view kLevelNames[] = {"error", "warning", "info"};
constexpr const char* kRequestIdHeader = "X-Request-Id";

// What the API notes about the request being answered on this thread.
struct RequestNotes {
  std::optional<std::string> user;
  std::optional<std::string> route;
};
thread_local RequestNotes* current_notes = nullptr;

LogLevel LevelForStatus(unsigned status) {
  if (status >= 500) return LogLevel::kError;
  if (status >= 400) return LogLevel::kWarning;
  return LogLevel::kInfo;
}

Result<int> OpenForAppending(const std::string& path) {
  int fd = open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) {
    return Status::CannotWrite("cannot open the log file " + path + ": " + std::strerror(errno));
  }
  return fd;
}

// The request's method when it is one HTTP defines; a client may send any token there.
std::string_view MethodName(const HttpRequest& request) {
  if (request.method() == boost::beast::http::verb::unknown) return "other";
  return View(boost::beast::http::to_string(request.method()));
}

void AppendStringOrNull(std::string& out, const std::optional<std::string>& value) {
  if (value) {
    AppendJsonString(out, *value);
  } else {
    out += "null";
  }
}

// `{"time":"...","level":"...",` — the start of every line.
std::string LineStart(LogLevel level) {
  std::string line = "{\"time\":";
  AppendNowWithMilliseconds(line);
  line += ",\"level\":\"";
  line += kLevelNames[static_cast<int>(level)];
  line += "\",";
  return line;
}

}  // namespace

std::vector<std::string> LogLevelNames() {
  return {std::begin(kLevelNames), std::end(kLevelNames)};
}

Result<LogLevel> ParseLogLevel(std::string_view name) {
  for (size_t i = 0; i < std::size(kLevelNames); ++i) {
    if (kLevelNames[i] == name) return static_cast<LogLevel>(i);
  }
  return Status::Usage("log level '" + std::string(name) + "': give error, warning or info");
}

Result<std::unique_ptr<RequestLog>> RequestLog::Open(const std::string& path, LogLevel level) {
  int fd = STDERR_FILENO;
  if (!path.empty()) {
    CANJE_ASSIGN_OR_RETURN(fd, OpenForAppending(path));
  }
  return std::unique_ptr<RequestLog>(new RequestLog(fd, path, level));
}

RequestLog::~RequestLog() {
  if (fd_ != STDERR_FILENO) close(fd_);
}

Status RequestLog::Reconfigure(const std::string& path, LogLevel level) {
  int fd = STDERR_FILENO;
  if (!path.empty()) {
    CANJE_ASSIGN_OR_RETURN(fd, OpenForAppending(path));
  }
  std::lock_guard lock(mutex_);
  if (fd_ != STDERR_FILENO) close(fd_);
  fd_ = fd;
  path_ = path;
  level_ = level;
  return Status::Ok();
}

void RequestLog::Write(LogLevel level, const ordered_json& fields) {
  if (!Enabled(level)) return;
  // Invalid UTF-8 (which no field should hold) is replaced rather than thrown.
  std::string members = fields.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
  // The object's members without its braces ("{}" when there are none).
  WriteMembers(level, std::string_view(members).substr(1, members.size() - 2));
}

void RequestLog::WriteMembers(LogLevel level, std::string_view members) {
  if (!Enabled(level)) return;
  std::string text = LineStart(level);
  if (members.empty()) text.pop_back();  // no comma after "level"
  text += members;
  text += "}\n";
  std::lock_guard lock(mutex_);
  // O_APPEND and one write(2) per line: lines of several processes sharing the file do not
  // interleave. A short or failed write loses the line; the server goes on.
  ssize_t written = ::write(fd_, text.data(), text.size());
  (void)written;
}

namespace {

// Makes the request's notes current on this thread while the inner handler runs.
class NotesScope {
 public:
  explicit NotesScope(RequestNotes* notes) { current_notes = notes; }
  ~NotesScope() { current_notes = nullptr; }
};

// Gives `response` its request id and writes its line (`request` null: the listener refused
// the request before it was parsed whole).
void LogAnswer(RequestLog& log, const HttpRequest* request, HttpResponse& response,
               std::chrono::steady_clock::time_point start, const RequestNotes& notes) {
  std::string id = NewRequestId();
  response.set(kRequestIdHeader, id);
  const LogLevel level = LevelForStatus(response.result_int());
  if (!log.Enabled(level)) return;
  const auto microseconds = std::chrono::duration_cast<std::chrono::microseconds>(
                                std::chrono::steady_clock::now() - start)
                                .count();
  // {"event":"request","request_id":...,"method":...,"route":...,"status":...,
  //  "duration_ms":...,"user":...}, written as nlohmann::json would write it.
  std::string members = "\"event\":\"request\",\"request_id\":\"";
  members += id;  // hex digits
  members += "\",\"method\":";
  if (request == nullptr) {
    members += "null";
  } else {
    AppendJsonString(members, MethodName(*request));
  }
  members += ",\"route\":";
  AppendStringOrNull(members, notes.route);
  members += ",\"status\":";
  members += std::to_string(response.result_int());
  members += ",\"duration_ms\":";
  AppendMilliseconds(members, microseconds);
  members += ",\"user\":";
  AppendStringOrNull(members, notes.user);
  log.WriteMembers(level, members);
}

}  // namespace

std::optional<HttpResponse> LoggedHandler::Screen(const HttpRequest& header) {
  auto start = std::chrono::steady_clock::now();
  RequestNotes notes;
  std::optional<HttpResponse> refusal;
  {
    NotesScope scope(&notes);
    refusal = inner_.Screen(header);
  }
  if (refusal) LogAnswer(log_, &header, *refusal, start, notes);
  return refusal;
}

HttpResponse LoggedHandler::Handle(const HttpRequest& request) {
  auto start = std::chrono::steady_clock::now();
  RequestNotes notes;
  HttpResponse response;
  {
    NotesScope scope(&notes);
    response = inner_.Handle(request);
  }
  LogAnswer(log_, &request, response, start, notes);
  return response;
}

void LoggedHandler::Refused(HttpResponse& response) {
  LogAnswer(log_, nullptr, response, std::chrono::steady_clock::now(), RequestNotes{});
}

std::string NewRequestId() { return HexEncode(RandomBytes(16)); }

void NoteRequestUser(std::string_view user) {
  if (current_notes != nullptr) current_notes->user = std::string(user);
}

void NoteRequestRoute(std::string_view pattern) {
  if (current_notes != nullptr) current_notes->route = std::string(pattern);
}

}  // namespace canje::server
