#include "protect/sealing_contexts.h"

namespace canje::protect {
namespace {

std::string N(int64_t id) { return std::to_string(id); }

}  // namespace

std::string PersonKeyContext(int64_t person_id) { return "person " + N(person_id); }
std::string RecordKeyContext(int64_t record_id) { return "record " + N(record_id); }

std::string InterviewNoteContext(int64_t person_id, int64_t interview_id) {
  return "person " + N(person_id) + " interview " + N(interview_id);
}
std::string InterviewOutcomeContext(int64_t person_id, int64_t interview_id) {
  return "person " + N(person_id) + " interview " + N(interview_id) + " outcome";
}
std::string NotTravellingNoteContext(int64_t person_id, int64_t exchange_id) {
  return "person " + N(person_id) + " not travelling in exchange " + N(exchange_id);
}
std::string NotTravellingReasonContext(int64_t person_id, int64_t exchange_id) {
  return "person " + N(person_id) + " not travelling reason in exchange " + N(exchange_id);
}

std::string HoldReferenceContext(int64_t hold_id) { return "hold " + N(hold_id) + " reference"; }
std::string HoldLiftReasonContext(int64_t hold_id) { return "hold " + N(hold_id) + " lift reason"; }
std::string LegalActTextsContext(int64_t act_id) { return "legal act " + N(act_id) + " texts"; }
std::string ResponseReasonContext(int64_t version_id, std::string_view party) {
  return "proposal version " + N(version_id) + " response of " + std::string(party) + " reason";
}
std::string OverrideJustificationContext(int64_t version_id) {
  return "proposal version " + N(version_id) + " override justification";
}
std::string HandoverTextsContext(int64_t person_id, int64_t exchange_id) {
  return "handover of person " + N(person_id) + " in exchange " + N(exchange_id);
}
std::string ReportedCountNoteContext(int64_t report_id) {
  return "reported count " + N(report_id) + " note";
}
std::string ExchangeStateReasonContext(int64_t exchange_id) {
  return "exchange " + N(exchange_id) + " state reason";
}
std::string StageTextsContext(int64_t exchange_id, int64_t stage) {
  return "exchange " + N(exchange_id) + " stage " + N(stage) + " texts";
}
std::string LinkModelNameCountsContext(int64_t run) {
  return "link model " + N(run) + " name counts";
}
std::string NameWordContext(std::string_view hash_hex) {
  return "name word " + std::string(hash_hex);
}

std::string TotpSecretContext(std::string_view user) { return "totp " + std::string(user); }

}  // namespace canje::protect
