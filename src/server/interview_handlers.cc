// What a verifier records and what clears or bars a transfer, over HTTP: POST /v1/interviews,
// POST /v1/interviews/batch, GET /v1/interviews (`canje interview record|list`), POST and GET
// /v1/acts (`canje act add|list`), GET /v1/eligibility (`canje eligibility`). The use cases of
// negotiation/interviews.h, legal_acts.h and eligibility_report.h, with the JSON of
// wire/holds_json.h.
#include <string>
#include <utility>
#include <vector>

#include "instance/ids.h"
#include "negotiation/eligibility_report.h"
#include "negotiation/interviews.h"
#include "negotiation/legal_acts.h"
#include "server/body_members.h"
#include "server/handlers.h"
#include "store/holds_tables.h"
#include "wire/holds_json.h"

namespace canje::server {
namespace {

using nlohmann::json;

// The members of an interview in a body: the columns of `canje interview record --file`.
const std::vector<std::string> kInterviewMembers = {"person", "destination", "identity", "consent",
                                                    "fit",    "on",          "note"};

// One interview from a JSON object, as the flags of `canje interview record` give it; the
// object stands at pointer `at` ("" for the body, "/interviews/2" for an item of a batch).
Result<negotiation::NewInterview> ReadInterview(ApiCall& call, const json& item,
                                                const std::string& at) {
  if (!item.is_object()) {
    return call.AtPointer(Status::Usage("an interview is a JSON object, such as {\"person\": "
                                        "\"P17\", \"destination\": \"VEN\", \"identity\": "
                                        "\"confirmed\", \"consent\": \"consents\", \"fit\": "
                                        "\"yes\"}"),
                          at);
  }
  CANJE_RETURN_IF_ERROR(KnownMembers(call, item, kInterviewMembers, at));
  negotiation::NewInterview interview;
  CANJE_ASSIGN_OR_RETURN(interview.person_id, PersonIdMember(call, item, "person", at));
  CANJE_ASSIGN_OR_RETURN(interview.destination, TextMember(call, item, "destination", true, at));
  CANJE_ASSIGN_OR_RETURN(interview.identity, TextMember(call, item, "identity", true, at));
  CANJE_ASSIGN_OR_RETURN(interview.consent, TextMember(call, item, "consent", true, at));
  CANJE_ASSIGN_OR_RETURN(interview.fit, TextMember(call, item, "fit", true, at));
  CANJE_ASSIGN_OR_RETURN(interview.interviewed_on, TextMember(call, item, "on", false, at));
  CANJE_ASSIGN_OR_RETURN(interview.note, TextMember(call, item, "note", false, at));
  return interview;
}

// The core's refusal of an interview's value, pointed at that value.
Status AtFault(ApiCall& call, const Status& status, const std::string& prefix,
               const negotiation::InterviewFault& fault) {
  if (status.ok() || fault.member.empty()) return status;
  return call.AtPointer(status, prefix + "/" + fault.member);
}

// Where a new interview is read: the interviews of its person about its destination.
std::string InterviewsOf(int64_t person, const std::string& destination) {
  return "/v1/interviews?person=" + instance::PersonId(person) + "&destination=" + destination;
}

Result<Reply> PostInterview(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  CANJE_ASSIGN_OR_RETURN(negotiation::NewInterview interview, ReadInterview(call, body, ""));
  negotiation::InterviewFault fault;
  Result<negotiation::RecordedInterview> recorded =
      negotiation::RecordInterview(call.instance, interview, &fault);
  if (!recorded.ok()) return AtFault(call, recorded.status(), "", fault);
  Reply reply = JsonReply(
      wire::InterviewRecordedJson(*recorded, interview.person_id, interview.destination), 201);
  reply.headers.emplace_back("Location", InterviewsOf(interview.person_id, interview.destination));
  return reply;
}

Result<Reply> PostInterviewBatch(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(json items, BatchItems(call, "interviews"));
  std::vector<std::pair<negotiation::NewInterview, std::string>> interviews;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string prefix = "/interviews/" + std::to_string(i);
    CANJE_ASSIGN_OR_RETURN(negotiation::NewInterview interview,
                           ReadInterview(call, items[i], prefix));
    interviews.emplace_back(std::move(interview), prefix + ": ");
  }
  negotiation::InterviewFault fault;
  Result<std::vector<negotiation::RecordedInterview>> recorded =
      negotiation::RecordInterviews(call.instance, interviews, &fault);
  if (!recorded.ok()) {
    return AtFault(call, recorded.status(), "/interviews/" + std::to_string(fault.item), fault);
  }
  return JsonReply(wire::InterviewsRecordedJson(*recorded, interviews), 201);
}

Result<Reply> GetInterviews(ApiCall& call) {
  negotiation::InterviewQuery query;
  CANJE_ASSIGN_OR_RETURN(query.person_id, PersonParameter(call, "person"));
  query.destination = call.Query("destination");
  CANJE_ASSIGN_OR_RETURN(auto interviews, negotiation::ListInterviews(call.instance, query));
  json out = json::array();
  for (const negotiation::InterviewView& view : interviews) {
    out.push_back(wire::InterviewJson(view));
  }
  return JsonReply(out);
}

Result<Reply> PostLegalAct(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"person", "type", "date", "authority",
                                                           "reference", "status_after"}));
  negotiation::NewLegalAct act;
  CANJE_ASSIGN_OR_RETURN(act.person_id, PersonIdMember(call, body, "person"));
  CANJE_ASSIGN_OR_RETURN(act.type, TextMember(call, body, "type", true));
  CANJE_ASSIGN_OR_RETURN(act.date, TextMember(call, body, "date", true));
  CANJE_ASSIGN_OR_RETURN(act.authority, TextMember(call, body, "authority", true));
  CANJE_ASSIGN_OR_RETURN(act.reference, TextMember(call, body, "reference", false));
  CANJE_ASSIGN_OR_RETURN(act.status_after, TextMember(call, body, "status_after", true));
  std::string fault;
  Result<int64_t> id = negotiation::RecordLegalAct(call.instance, act, &fault);
  if (!id.ok()) return fault.empty() ? id.status() : call.AtPointer(id.status(), "/" + fault);
  Reply reply = JsonReply(wire::LegalActRecordedJson(*id, act.person_id), 201);
  reply.headers.emplace_back("Location", "/v1/acts?person=" + instance::PersonId(act.person_id));
  return reply;
}

Result<Reply> GetLegalActs(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t person, PersonParameter(call, "person"));
  CANJE_ASSIGN_OR_RETURN(auto acts, negotiation::ListLegalActs(call.instance, person));
  return JsonArrayReply(acts,
                        [&](const store::LegalActRow& act) { return wire::LegalActJson(act); });
}

// GET /v1/eligibility?destination=VEN&date=...&holder=...&nationality=...&category=...&persons=
// P17,P18: the options of `canje eligibility`.
Result<Reply> GetEligibility(ApiCall& call) {
  negotiation::EligibilityQuery query;
  query.destination = call.Query("destination");
  query.date = call.Query("date");
  query.holder = call.Query("holder");
  query.nationality = call.Query("nationality");
  query.category = call.Query("category");
  if (const std::string persons = call.Query("persons"); !persons.empty()) {
    size_t start = 0;
    while (start <= persons.size()) {
      size_t comma = persons.find(',', start);
      if (comma == std::string::npos) comma = persons.size();
      Result<int64_t> id = instance::ParseId(persons.substr(start, comma - start), 'P', "person");
      if (!id.ok()) return call.AtParameter(id.status(), "persons");
      query.persons.push_back(*id);
      start = comma + 1;
    }
  }
  std::string fault;
  Result<std::vector<negotiation::PersonEligibility>> report =
      negotiation::ReportEligibility(call.instance, query, &fault);
  if (!report.ok()) {
    return fault.empty() ? report.status() : call.AtParameter(report.status(), fault);
  }
  json out = json::array();
  for (const negotiation::PersonEligibility& entry : *report) {
    out.push_back(wire::EligibilityJson(entry));
  }
  return JsonReply(out);
}

}  // namespace

Result<int64_t> PersonParameter(ApiCall& call, const std::string& name) {
  const std::string text = call.Query(name);
  if (text.empty()) return int64_t{0};
  Result<int64_t> id = instance::ParseId(text, 'P', "person");
  if (!id.ok()) return call.AtParameter(id.status(), name);
  return *id;
}

Status AddInterviewRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/v1/interviews", {Action::kReadInterviews, GetInterviews}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/interviews", {Action::kRecordInterview, PostInterview}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/interviews/batch", {Action::kRecordInterview, PostInterviewBatch}));
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/acts", {Action::kReadRegistry, GetLegalActs}));
  CANJE_RETURN_IF_ERROR(routes.Add("POST", "/v1/acts", {Action::kRecordLegalAct, PostLegalAct}));
  return routes.Add("GET", "/v1/eligibility", {Action::kReadRegistry, GetEligibility});
}

}  // namespace canje::server
