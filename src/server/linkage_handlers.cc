// The reconciliation of the store's lists over HTTP: POST /v1/link (`canje link` without files),
// GET /v1/review (`canje review list`), POST /v1/review/{pair}/decision (`canje review decide`)
// and POST /v1/review/decisions (`canje review decide --file`). The use cases of
// reconciliation/linker.h and review.h, with the JSON of wire/review_json.h.
#include <string>
#include <vector>

#include "instance/ids.h"
#include "reconciliation/linker.h"
#include "reconciliation/review.h"
#include "server/body_members.h"
#include "server/handlers.h"
#include "wire/review_json.h"

namespace canje::server {
namespace {

using nlohmann::json;

Result<Reply> PostLink(ApiCall& call) {
  reconciliation::LinkStoreOptions options;
  if (!call.request.body().empty()) {
    CANJE_ASSIGN_OR_RETURN(json body,
                           BodyWithMembers(call, {"threshold", "review_low", "review_high"}));
    // Each member given replaces its default; an absent one leaves it as it is.
    const std::pair<const char*, double*> settings[] = {{"threshold", &options.threshold},
                                                        {"review_low", &options.review_low},
                                                        {"review_high", &options.review_high}};
    for (const auto& [name, value] : settings) {
      CANJE_ASSIGN_OR_RETURN(std::optional<double> number, NumberMember(call, body, name));
      if (number) *value = *number;
    }
  }
  CANJE_ASSIGN_OR_RETURN(reconciliation::LinkStoreReport report,
                         reconciliation::LinkStore(call.instance, options));
  return JsonReply(wire::LinkReportJson(report, options));
}

Result<Reply> GetReviewQueue(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t limit, call.QueryInteger("limit", 0));
  CANJE_ASSIGN_OR_RETURN(auto items, reconciliation::ListReviewQueue(call.instance, limit));
  return JsonArrayReply(
      items, [&](const reconciliation::ReviewItem& item) { return wire::ReviewItemJson(item); });
}

// "R12-R57" (or "12-57"): the two records of a pair.
Result<std::pair<int64_t, int64_t>> ParsePair(const std::string& text) {
  const size_t dash = text.find('-');
  if (dash == std::string::npos) {
    return Status::Usage("a pair is two record ids joined by '-', such as R12-R57; got '" + text +
                         "'");
  }
  CANJE_ASSIGN_OR_RETURN(int64_t left, instance::ParseId(text.substr(0, dash), 'R', "record"));
  CANJE_ASSIGN_OR_RETURN(int64_t right, instance::ParseId(text.substr(dash + 1), 'R', "record"));
  return std::pair(left, right);
}

// The member "decision": "same" or "different".
Result<bool> SameMember(ApiCall& call, const json& body, const std::string& at = "") {
  CANJE_ASSIGN_OR_RETURN(std::string decision, TextMember(call, body, "decision", true, at));
  if (decision != "same" && decision != "different") {
    return call.AtPointer(
        Status::Usage("\"decision\" is \"same\" or \"different\", not '" + decision + "'"),
        MemberPointer(at, "decision"));
  }
  return decision == "same";
}

// The core's refusal, pointed at the value it is about when it names one.
Status AtDecisionFault(ApiCall& call, const Status& status, const std::string& prefix,
                       const reconciliation::DecisionFault& fault) {
  if (fault.member.empty()) {
    return prefix.empty() ? status : call.AtPointer(status, prefix);
  }
  return call.AtPointer(status, prefix + "/" + fault.member);
}

Result<Reply> PostDecision(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(auto pair, ParsePair(call.Param("pair")));
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"decision", "reason"}));
  CANJE_ASSIGN_OR_RETURN(bool same, SameMember(call, body));
  CANJE_ASSIGN_OR_RETURN(std::string reason, TextMember(call, body, "reason", true));
  reconciliation::DecisionFault fault;
  Result<reconciliation::DecisionOutcome> outcome =
      reconciliation::DecidePair(call.instance, pair.first, pair.second, same, reason, &fault);
  if (!outcome.ok()) return AtDecisionFault(call, outcome.status(), "", fault);
  return JsonReply(wire::DecisionJson(*outcome));
}

// One decision of a batch: {"left": "R12", "right": "R57", "decision": "same", "reason": ...}.
Status ReadDecision(ApiCall& call, const json& item, const std::string& prefix,
                    reconciliation::PairDecision& decision) {
  if (!item.is_object()) {
    return call.AtPointer(Status::Usage("a decision is a JSON object, such as {\"left\": \"R12\", "
                                        "\"right\": \"R57\", \"decision\": \"same\", "
                                        "\"reason\": \"...\"}"),
                          prefix);
  }
  CANJE_RETURN_IF_ERROR(KnownMembers(call, item, {"left", "right", "decision", "reason"}, prefix));
  for (const char* side : {"left", "right"}) {
    CANJE_ASSIGN_OR_RETURN(std::string text, TextMember(call, item, side, true, prefix));
    Result<int64_t> id = instance::ParseId(text, 'R', "record");
    if (!id.ok()) return call.AtPointer(id.status(), MemberPointer(prefix, side));
    (std::string(side) == "left" ? decision.left_record : decision.right_record) = *id;
  }
  CANJE_ASSIGN_OR_RETURN(decision.same, SameMember(call, item, prefix));
  CANJE_ASSIGN_OR_RETURN(decision.reason, TextMember(call, item, "reason", true, prefix));
  decision.where = prefix;
  return Status::Ok();
}

Result<Reply> PostDecisions(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(json items, BatchItems(call, "decisions"));
  std::vector<reconciliation::PairDecision> decisions(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    CANJE_RETURN_IF_ERROR(
        ReadDecision(call, items[i], "/decisions/" + std::to_string(i), decisions[i]));
  }
  reconciliation::DecisionFault fault;
  Result<reconciliation::BatchDecisionReport> report =
      reconciliation::DecidePairs(call.instance, decisions, &fault);
  if (!report.ok()) {
    return AtDecisionFault(call, report.status(), "/decisions/" + std::to_string(fault.item),
                           fault);
  }
  return JsonReply(wire::DecisionsJson(*report));
}

}  // namespace

Status AddLinkageRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(routes.Add("POST", "/v1/link", {Action::kLinkRecords, PostLink}));
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/review", {Action::kReviewLinks, GetReviewQueue}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/review/decisions", {Action::kReviewLinks, PostDecisions}));
  return routes.Add("POST", "/v1/review/{pair}/decision", {Action::kReviewLinks, PostDecision});
}

}  // namespace canje::server
