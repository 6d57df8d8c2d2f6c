#include "server/pagination.h"

#include <string>

#include "core/utf8.h"

namespace canje::server {
namespace {

// "P17" -> ("P", 17), "17" -> ("", 17); false for anything else (no digits, a leading zero, a
// number too large).
bool SplitId(std::string_view id, std::string& prefix, int64_t& number) {
  size_t letters = 0;
  while (letters < id.size() && id[letters] >= 'A' && id[letters] <= 'Z') ++letters;
  std::string_view digits = id.substr(letters);
  if (digits.empty() || digits.size() > 18 || digits.front() == '0') return false;
  number = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
    number = number * 10 + (c - '0');
  }
  prefix = std::string(id.substr(0, letters));
  return true;
}

// The request's target with its cursor (if any) replaced by `cursor`; other parameters as sent.
std::string NextTarget(const HttpRequest& request, const std::string& cursor) {
  std::string_view target(request.target().data(), request.target().size());
  const size_t question = target.find('?');
  std::string next(target.substr(0, question));
  std::string query;
  if (question != std::string_view::npos) {
    std::string_view rest = target.substr(question + 1);
    while (!rest.empty()) {
      const size_t amp = rest.find('&');
      std::string_view pair = rest.substr(0, amp);
      if (!pair.empty() && pair.substr(0, pair.find('=')) != "cursor") {
        query += (query.empty() ? "" : "&") + std::string(pair);
      }
      rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    }
  }
  query += (query.empty() ? "" : "&") + std::string("cursor=") + cursor;
  return next + "?" + query;
}

}  // namespace

Result<Reply> PagedJsonReply(ApiCall& call, const nlohmann::json& items, std::string_view id_member,
                             IdOrder order) {
  CANJE_ASSIGN_OR_RETURN(int64_t limit, call.QueryInteger("limit", kMaxPageSize));
  if (limit < 1 || limit > kMaxPageSize) {
    return call.AtParameter(
        Status::Usage("query parameter 'limit': a page holds 1 to " + std::to_string(kMaxPageSize) +
                      " items; got " + std::to_string(limit)),
        "limit");
  }
  std::string cursor_prefix;
  int64_t after = 0;
  const std::string cursor = call.Query("cursor");
  if (!cursor.empty() && !SplitId(cursor, cursor_prefix, after)) {
    return call.AtParameter(
        Status::Usage("query parameter 'cursor': '" + QuoteUntrusted(cursor, 40) +
                      "' is not a place in this list; pass the cursor of the previous page's "
                      "Link header as it is, or leave it out for the first page"),
        "cursor");
  }
  nlohmann::json page = nlohmann::json::array();
  std::string last_id;
  bool more = false;
  for (const nlohmann::json& item : items) {
    std::string prefix;
    int64_t number = 0;
    // An id is a string ("P17") or, for sessions, a number.
    const nlohmann::json& member = item.at(std::string(id_member));
    const std::string id = member.is_string() ? member.get<std::string>() : member.dump();
    if (!SplitId(id, prefix, number)) {
      return Status::Internal("a listed item has no id to page by: '" + id + "'");
    }
    if (!cursor.empty() && prefix != cursor_prefix) {
      return call.AtParameter(
          Status::Usage("query parameter 'cursor': '" + QuoteUntrusted(cursor, 40) +
                        "' is not an id of this list, whose ids look like " + id),
          "cursor");
    }
    if (!cursor.empty() && (order == IdOrder::kAscending ? number <= after : number >= after)) {
      continue;
    }
    if (static_cast<int64_t>(page.size()) == limit) {
      more = true;
      break;
    }
    page.push_back(item);
    last_id = id;
  }
  Reply reply = JsonReply(page);
  if (more) {
    reply.headers.emplace_back("Link", "<" + NextTarget(call.request, last_id) + ">; rel=\"next\"");
  }
  return reply;
}

}  // namespace canje::server
