#include "core/status.h"

namespace canje {
namespace {

struct CodeMapping {
  StatusCode code;
  int exit_status;
  int http_status;
  std::string_view name;
};

// The one table of docs/principles.md "Status". Keep it in the order of StatusCode.
constexpr CodeMapping kMappings[] = {
    {StatusCode::kOk, 0, 200, "ok"},
    {StatusCode::kUsage, 2, 400, "usage"},
    {StatusCode::kInvalid, 65, 422, "invalid"},
    {StatusCode::kNotFound, 66, 404, "not_found"},
    {StatusCode::kUnavailable, 69, 503, "unavailable"},
    {StatusCode::kCannotWrite, 73, 500, "cannot_write"},
    {StatusCode::kConflict, 75, 409, "conflict"},
    {StatusCode::kNotPermitted, 77, 403, "not_permitted"},
    {StatusCode::kInternal, 1, 500, "internal"},
};

const CodeMapping& MappingFor(StatusCode code) { return kMappings[static_cast<int>(code)]; }

}  // namespace

int ExitStatusFor(StatusCode code) { return MappingFor(code).exit_status; }
int HttpStatusFor(StatusCode code) { return MappingFor(code).http_status; }
std::string_view StatusCodeName(StatusCode code) { return MappingFor(code).name; }

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(StatusCodeName(code_)) + ": " + message_;
}

Status Status::WithContext(std::string_view context) const {
  if (ok()) return *this;
  return Status(code_, std::string(context) + ": " + message_);
}

}  // namespace canje
