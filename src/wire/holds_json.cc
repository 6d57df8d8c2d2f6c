#include "wire/holds_json.h"

#include "instance/ids.h"
#include "negotiation/hold_rule_fields.h"
#include "negotiation/hold_scope.h"
#include "wire/json_values.h"

namespace canje::wire {

using nlohmann::json;

namespace {

json NullIfEmpty(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json HoldScopeJson(const store::HoldRow& hold) {
  json scope;
  if (!negotiation::HoldHasRule(hold)) {
    // Listed persons (only those the reader may see; covered_hidden counts the others).
    scope["persons"] = PersonIdsJson(hold.persons);
  } else {
    json rule = json::object();  // every field (negotiation/hold_rule_fields.h)
    for (const negotiation::HoldRuleField& field : negotiation::HoldRuleFields()) {
      rule[std::string(field.name)] = NullIfEmpty(hold.*field.member);
    }
    scope["rule"] = rule;
  }
  return scope;
}

}  // namespace

json HoldJson(const negotiation::HoldView& view, bool with_covered) {
  const store::HoldRow& hold = view.hold;
  json out = {{"id", negotiation::HoldId(hold.id)},
              {"issuer", hold.issuer},
              {"reference", hold.reference},
              {"from", hold.effective_from},
              {"until", NullIfEmpty(hold.effective_until)},
              {"scope", HoldScopeJson(hold)},
              {"state", view.state},
              {"in_force", view.in_force},
              {"lifted_on", NullIfEmpty(hold.lifted_on)},
              {"lift_reason", NullIfEmpty(hold.lift_reason)},
              {"created_at", hold.created_at},
              {"created_by", hold.created_by}};
  if (with_covered) {
    out["covered"] = PersonIdsJson(view.covered);
    out["covered_hidden"] = view.covered_hidden;
  }
  return out;
}

json HoldListItemJson(const negotiation::HoldView& view) {
  json out = HoldJson(view, false);
  out["covered_count"] = view.covered.size();
  return out;
}

json LegalActJson(const store::LegalActRow& act) {
  return {{"id", negotiation::LegalActId(act.id)},
          {"person", instance::PersonId(act.person_id)},
          {"type", act.type},
          {"date", act.act_date},
          {"authority", act.authority},
          {"reference", act.reference},
          {"status_after", act.status_after},
          {"recorded_at", act.recorded_at},
          {"recorded_by", act.recorded_by}};
}

json LegalActRecordedJson(int64_t act, int64_t person) {
  return {{"id", negotiation::LegalActId(act)}, {"person", instance::PersonId(person)}};
}

json InterviewJson(const negotiation::InterviewView& view) {
  return {{"id", negotiation::InterviewId(view.id)},
          {"person", instance::PersonId(view.person_id)},
          {"destination", view.destination},
          {"interviewed_on", view.interviewed_on},
          {"identity", view.identity},
          {"consent", view.consent},
          {"fit_to_travel", view.fit_to_travel},
          {"current", view.current},
          {"note", view.note ? json(*view.note) : json(nullptr)},
          {"note_erased", view.note_erased},
          {"recorded_by", view.recorded_by},
          {"recorder_party", view.recorder_party},
          {"recorded_at", view.recorded_at}};
}

json InterviewRecordedJson(const negotiation::RecordedInterview& recorded, int64_t person,
                           const std::string& destination) {
  return {{"id", negotiation::InterviewId(recorded.id)},
          {"person", instance::PersonId(person)},
          {"destination", destination},
          {"changes_refusal", recorded.changes_refusal}};
}

json InterviewsRecordedJson(
    const std::vector<negotiation::RecordedInterview>& recorded,
    const std::vector<std::pair<negotiation::NewInterview, std::string>>& interviews) {
  json out = json::array();
  for (size_t i = 0; i < recorded.size() && i < interviews.size(); ++i) {
    out.push_back(InterviewRecordedJson(recorded[i], interviews[i].first.person_id,
                                        interviews[i].first.destination));
  }
  return out;
}

json EligibilityJson(const negotiation::PersonEligibility& entry) {
  json reasons = json::array();
  for (const auto& reason : entry.reasons) {
    reasons.push_back({{"kind", reason.kind},
                       {"blocks_selection", reason.blocks_selection},
                       {"reason", reason.text}});
  }
  return {{"person", instance::PersonId(entry.person_id)},
          {"selectable", entry.selectable},
          {"ready_for_handover", entry.ready_for_handover},
          {"reasons", reasons}};
}

}  // namespace canje::wire
