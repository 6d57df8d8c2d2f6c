#include "wire/review_json.h"

#include "instance/ids.h"
#include "registry/enumerated_fields.h"
#include "wire/link_model_json.h"

namespace canje::wire {

using nlohmann::json;

namespace {

std::string DecisionId(int64_t id) { return "D" + std::to_string(id); }

json ReviewSideJson(const reconciliation::ReviewSide& side) {
  if (side.hidden) return {{"hidden", true}};
  const registry::PersonRecord& person = side.person;
  json documents = json::array();
  for (const auto& document : person.documents) documents.push_back(document.number);
  return {{"record", instance::RecordId(side.record_id)},
          {"list", instance::ListId(side.list.id)},
          {"list_kind", side.list.kind},
          {"list_party", side.list.party},
          {"line", side.line},
          {"person", instance::PersonId(side.person_id)},
          {"given_names", person.name.given_names},
          {"family_names", person.name.family_names},
          {"date_of_birth", person.date_of_birth ? person.date_of_birth->ToIso() : ""},
          {"sex", registry::SexName(person.sex)},
          {"nationalities", person.nationalities},
          {"documents", documents}};
}

}  // namespace

json ExplanationJson(const linkage::PairExplanation& explanation) {
  json terms = json::array();
  for (const linkage::ComparisonTerm& term : explanation.terms) {
    terms.push_back({{"comparison", term.comparison},
                     {"level", term.level},
                     {"left_value", term.left_value},
                     {"right_value", term.right_value},
                     {"m", term.m},
                     {"u", term.u},
                     {"weight", term.weight},
                     {"term_frequency_adjusted", term.term_frequency_adjusted}});
  }
  return {{"left_id", explanation.left_id},
          {"right_id", explanation.right_id},
          {"prior", explanation.prior},
          {"prior_log2_odds", explanation.prior_log2_odds},
          {"comparisons", terms},
          {"log2_odds", explanation.log2_odds},
          {"probability", explanation.probability}};
}

json LinkReportJson(const reconciliation::LinkStoreReport& report,
                    const reconciliation::LinkStoreOptions& options) {
  json stale = json::array();
  for (const auto& decision : report.stale_decisions) {
    stale.push_back({{"decision", DecisionId(decision.decision_id)},
                     {"left", instance::RecordId(decision.left_record)},
                     {"right", instance::RecordId(decision.right_record)},
                     {"why", decision.why}});
  }
  json out = {{"records", report.records},
              {"compared", report.compared},
              {"erased", report.erased},
              {"superseded", report.superseded},
              {"before_schema_2", report.before_schema_2},
              {"persons", report.persons},
              {"relinked", report.relinked},
              {"merged", report.merged},
              {"separated", report.separated},
              {"review_queue", report.review_queue},
              {"held", report.held},
              {"orphans", report.orphans},
              {"orphan_search_skipped", report.orphan_search_skipped},
              {"decisions_applied", report.decisions_applied},
              {"stale_decisions", stale},
              {"changed", report.changed},
              {"threshold", options.threshold},
              {"review_band", {options.review_low, options.review_high}}};
  if (report.changed) out["event"] = report.event_seq;
  return out;
}

json ReviewItemJson(const reconciliation::ReviewItem& item) {
  if (item.candidate_only) {
    return {{"left", ReviewSideJson(item.left)},
            {"right", ReviewSideJson(item.right)},
            {"candidate_only", true},
            {"note", "a candidate on a list you may not see; a mediator or verifier decides"}};
  }
  json out = {{"left", ReviewSideJson(item.left)},
              {"right", ReviewSideJson(item.right)},
              {"probability", item.probability},
              {"explanation", ExplanationJson(item.explanation)},
              {"model", ModelSourceJson(item.model)}};
  if (item.queued_because) {
    out["queued_because"] = reconciliation::QueueReasonName(*item.queued_because);
    out["linked"] = item.linked;
  }
  if (item.decision) {
    out["decision"] = {{"id", DecisionId(item.decision->id)},
                       {"same", item.decision->same},
                       {"by", item.decision->decided_by},
                       {"at", item.decision->decided_at}};
  }
  return out;
}

json DecisionJson(const reconciliation::DecisionOutcome& outcome) {
  json out = {{"decision", DecisionId(outcome.decision_id)}, {"event", outcome.event_seq}};
  if (outcome.replaces != 0) out["replaces"] = DecisionId(outcome.replaces);
  return out;
}

json DecisionsJson(const reconciliation::BatchDecisionReport& report) {
  return {{"recorded", report.recorded}, {"unchanged", report.unchanged}};
}

}  // namespace canje::wire
