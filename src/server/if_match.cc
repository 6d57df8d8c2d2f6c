#include "server/if_match.h"

#include "core/utf8.h"
#include "negotiation/exchange.h"
#include "negotiation/proposal_actions.h"

namespace canje::server {

std::string RevisionTag(int64_t revision) { return "\"" + std::to_string(revision) + "\""; }

Result<std::optional<int64_t>> IfMatchNumber(ApiCall& call, std::string_view read_with) {
  std::string_view header(call.request["If-Match"].data(), call.request["If-Match"].size());
  if (header.empty() || header == "*") return std::optional<int64_t>();
  const bool quoted = header.size() >= 3 && header.front() == '"' && header.back() == '"';
  const std::string digits = quoted ? std::string(header.substr(1, header.size() - 2)) : "";
  if (digits.empty() || digits.size() > 18 ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    return Status::Usage("If-Match must be the ETag that " + std::string(read_with) +
                         " answered, such as \"3\" (one, with its quotes), or *; got " +
                         QuoteUntrusted(header, 40));
  }
  return std::optional<int64_t>(std::stoll(digits));
}

Result<int64_t> IfMatchRevision(ApiCall& call, std::string_view read_with) {
  CANJE_ASSIGN_OR_RETURN(std::optional<int64_t> revision, IfMatchNumber(call, read_with));
  if (revision && *revision == 0) {
    return Status::Usage("If-Match must be the ETag that " + std::string(read_with) +
                         " answered; revisions start at \"1\"");
  }
  return revision.value_or(0);
}

Status RefusalWithIfMatch(ApiCall& call, int64_t expected, Status refused,
                          const std::function<Result<int64_t>()>& revision_now) {
  if (expected == 0 || refused.code() != StatusCode::kConflict) return refused;
  Result<int64_t> now = revision_now();
  if (now.ok() && *now != expected) {
    Problem problem;
    problem.status = 412;
    problem.type = "urn:canje:problem:precondition_failed";
    problem.title = "Precondition failed";
    problem.detail = refused.message();
    call.problem = std::move(problem);
  }
  return refused;
}

std::function<Result<int64_t>()> VersionRevisionNow(ApiCall& call, int64_t version_id) {
  return [&call, version_id]() -> Result<int64_t> {
    CANJE_ASSIGN_OR_RETURN(negotiation::ProposalView now,
                           negotiation::LoadProposal(call.instance, version_id));
    return now.version.revision;
  };
}

std::function<Result<int64_t>()> ExchangeRevisionNow(ApiCall& call, int64_t exchange_id) {
  return [&call, exchange_id]() -> Result<int64_t> {
    CANJE_ASSIGN_OR_RETURN(negotiation::ExchangeDetails now,
                           negotiation::LoadExchange(call.instance, exchange_id));
    return now.revision;
  };
}

}  // namespace canje::server
