// If-Match on the API's changes of a resource that has a revision (a proposal's version, an
// exchange): the revision its GET answered as ETag (`"3"`). The core checks it in the change's
// own transaction and refuses with kConflict, writing nothing, when the resource moved since;
// the API then answers 412 (type urn:canje:problem:precondition_failed).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "server/api_call.h"

namespace canje::server {

// The revision as an entity tag: "\"3\"".
std::string RevisionTag(int64_t revision);

// The number in the request's If-Match header (`"57"`): none when the header is absent or `*`
// (any state). kUsage for anything else, naming `read_with` (such as
// "GET /v1/exchanges/{id}/workflow") as where the ETag comes from.
Result<std::optional<int64_t>> IfMatchNumber(ApiCall& call, std::string_view read_with);

// The revision in the request's If-Match header; 0 when the header is absent or `*` (any
// revision). kUsage for anything else, naming `read_with` (such as "GET /v1/proposals/{id}")
// as where the ETag comes from.
Result<int64_t> IfMatchRevision(ApiCall& call, std::string_view read_with);

// A change's refusal made with If-Match `expected` (0: none): when it is kConflict and the
// resource's revision now (`revision_now`, read after the refusal) is no longer `expected`, the
// call's problem becomes 412. Returns `refused` as it is.
Status RefusalWithIfMatch(ApiCall& call, int64_t expected, Status refused,
                          const std::function<Result<int64_t>()>& revision_now);

// The revision now of a proposal's version and of an exchange, as their GET answers it in
// ETag, for RefusalWithIfMatch.
std::function<Result<int64_t>()> VersionRevisionNow(ApiCall& call, int64_t version_id);
std::function<Result<int64_t>()> ExchangeRevisionNow(ApiCall& call, int64_t exchange_id);

}  // namespace canje::server
