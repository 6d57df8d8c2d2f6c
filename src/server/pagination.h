// Lists over HTTP come in pages, in a stable order: the order of their ids (P2 before P10; the
// newest first for sessions).
//
// A list route reads two query parameters:
//   limit   the page's size, 1 to kMaxPageSize (default kMaxPageSize);
//   cursor  where to go on: the value the previous page's Link header gave — the id of that
//           page's last item ("P1000"). Items whose ids come after it follow; an item removed
//           since is skipped, none is given twice, and one added since (a new id is always
//           larger) appears on a later page (ascending order) or not at all (descending).
// The answer is the page, the same JSON array as the command's --json for those items. When
// more items follow, it has `Link: </v1/persons?...&cursor=P1000>; rel="next"` (RFC 8288) with
// the request's other parameters kept; the last page has no such link.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/status.h"
#include "server/api_call.h"

namespace canje::server {

inline constexpr int64_t kMaxPageSize = 1000;

enum class IdOrder { kAscending, kDescending };

// The page of `items` (a JSON array of objects whose member `id_member` is an id such as "P17",
// or a number, in `order`) that the call's limit and cursor ask for. kUsage naming
// the parameter for a limit outside 1..kMaxPageSize, or a cursor that is not an id of this list's
// kind.
Result<Reply> PagedJsonReply(ApiCall& call, const nlohmann::json& items,
                             std::string_view id_member = "id",
                             IdOrder order = IdOrder::kAscending);

}  // namespace canje::server
