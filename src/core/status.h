// Status and Result: how every expected failure travels through canje.
//
// An operation that can fail in a way the user should hear about returns a Status (or a
// Result<T>, which is a T or a non-ok Status). Each StatusCode maps to exactly one process exit
// status and one HTTP status (docs/principles.md, "Status"); the command line and the server call
// ExitStatusFor / HttpStatusFor and never invent their own mapping.
//
// Messages follow one rule: say what is wrong, where (file:line:column, JSON path, id), and how
// to fix it. Example:
//
//   return Status::Invalid("roster.csv:12:3: date of birth '1990-02-30' does not exist; "
//                          "write it as YYYY-MM-DD");
//
// Exceptions are kept for what cannot continue (out of memory, a broken invariant).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace canje {

enum class StatusCode {
  kOk,
  kUsage,         // bad flags, arguments out of range
  kInvalid,       // a bad row, a bad JSON field, a failed verification
  kNotFound,      // absent, or not visible to the caller
  kUnavailable,   // database down, lock timeout
  kCannotWrite,   // cannot write output
  kConflict,      // superseded version, concurrent change
  kNotPermitted,  // role, key
  kInternal,      // a bug or an unexpected environment failure
};

// The process exit status for a code: 0, 2, 65, 66, 69, 73, 75, 77 or 1.
int ExitStatusFor(StatusCode code);
// The HTTP status for a code: 200, 400, 422, 404, 503, 500, 409, 403 or 500.
int HttpStatusFor(StatusCode code);
// A stable lower-case name ("invalid", "not_found", ...) used in JSON error bodies.
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status Usage(std::string message) { return {StatusCode::kUsage, std::move(message)}; }
  static Status Invalid(std::string message) { return {StatusCode::kInvalid, std::move(message)}; }
  static Status NotFound(std::string message) { return {StatusCode::kNotFound, std::move(message)}; }
  static Status Unavailable(std::string message) {
    return {StatusCode::kUnavailable, std::move(message)};
  }
  static Status CannotWrite(std::string message) {
    return {StatusCode::kCannotWrite, std::move(message)};
  }
  static Status Conflict(std::string message) { return {StatusCode::kConflict, std::move(message)}; }
  static Status NotPermitted(std::string message) {
    return {StatusCode::kNotPermitted, std::move(message)};
  }
  static Status Internal(std::string message) { return {StatusCode::kInternal, std::move(message)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid: <message>", or "ok".
  std::string ToString() const;

  // Returns a copy whose message is `context` + ": " + message (for adding a file name, a row).
  Status WithContext(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value of type T, or the Status saying why there is none. Constructing a Result from an ok
// Status is a programming error (it aborts).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {  // NOLINT: implicit by design
    if (std::get<Status>(state_).ok()) std::abort();
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(state_);
  }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace canje

#define CANJE_STATUS_CONCAT_INNER(a, b) a##b
#define CANJE_STATUS_CONCAT(a, b) CANJE_STATUS_CONCAT_INNER(a, b)

// Returns the Status of `expr` from the enclosing function if it is not ok.
#define CANJE_RETURN_IF_ERROR(expr) \
  CANJE_RETURN_IF_ERROR_IMPL(CANJE_STATUS_CONCAT(canje_status_, __COUNTER__), expr)
#define CANJE_RETURN_IF_ERROR_IMPL(status, expr) \
  do {                                           \
    ::canje::Status status = (expr);             \
    if (!status.ok()) return status;             \
  } while (false)

// `CANJE_ASSIGN_OR_RETURN(auto x, MakeX());` declares x from a Result, or returns its Status.
#define CANJE_ASSIGN_OR_RETURN(lhs, expr) \
  CANJE_ASSIGN_OR_RETURN_IMPL(CANJE_STATUS_CONCAT(canje_result_, __LINE__), lhs, expr)
#define CANJE_ASSIGN_OR_RETURN_IMPL(result, lhs, expr) \
  auto result = (expr);                                \
  if (!result.ok()) return result.status();            \
  lhs = std::move(result).value()
