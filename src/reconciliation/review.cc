#include "reconciliation/review.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "instance/event_types.h"
#include "instance/ids.h"
#include "reconciliation/decisions.h"
#include "reconciliation/link_model.h"
#include "reconciliation/review_access.h"
#include "reconciliation/trained_linkage.h"
#include "registry/person_directory.h"

namespace canje::reconciliation {
namespace {

using instance::Instance;

// A record that takes part in linking, or kConflict saying why it does not.
Status CheckLinked(const store::LinkRecordRow& record) {
  if (record.erased || record.own_person_id == 0) {
    return Status::Conflict(instance::RecordId(record.record_id) +
                            (record.erased ? " belongs to an erased person"
                                           : " was imported before reconciliation existed "
                                             "(re-import its list)") +
                            "; it takes no part in linking");
  }
  return Status::Ok();
}

struct SeenPair {
  store::LinkRecordRow left, right;
  store::ListRow left_list, right_list;
};

// Both records of a pair, once the caller may see both (review_access.h): a record it may not
// see answers as one that does not exist, before anything else is said about it.
Result<SeenPair> RequirePair(Instance& instance, int64_t left_record, int64_t right_record) {
  store::Store& store = instance.store();
  SeenPair pair;
  for (auto [id, record, list] : {std::tuple(left_record, &pair.left, &pair.left_list),
                                  std::tuple(right_record, &pair.right, &pair.right_list)}) {
    CANJE_ASSIGN_OR_RETURN(auto found, store::FindLinkRecord(store, id));
    if (!found) return RecordNotFound(id);
    CANJE_ASSIGN_OR_RETURN(auto found_list, store.FindList(found->list_id));
    if (!found_list) return Status::Internal("record without its list");
    CANJE_ASSIGN_OR_RETURN(bool seen, SeesLinkRecord(instance, *found, *found_list));
    if (!seen) return RecordNotFound(id);
    *record = std::move(*found);
    *list = std::move(*found_list);
  }
  CANJE_RETURN_IF_ERROR(CheckLinked(pair.left));
  CANJE_RETURN_IF_ERROR(CheckLinked(pair.right));
  return pair;
}

// Whether the two records are a pair in the review queue.
Result<bool> Queued(store::Store& store, int64_t left_record, int64_t right_record) {
  CANJE_ASSIGN_OR_RETURN(auto queue, store::ReviewQueue(store));
  const int64_t low = std::min(left_record, right_record);
  const int64_t high = std::max(left_record, right_record);
  return std::any_of(queue.begin(), queue.end(), [&](const store::ReviewQueueRow& row) {
    return row.left_record == low && row.right_record == high;
  });
}

Result<ReviewSide> LoadSide(Instance& instance, const store::LinkRecordRow& record) {
  ReviewSide side;
  side.record_id = record.record_id;
  side.line = record.line;
  side.person_id = record.person_id;
  CANJE_ASSIGN_OR_RETURN(auto list, instance.store().FindList(record.list_id));
  if (!list) return Status::Internal("record without its list");
  side.list = *list;
  CANJE_ASSIGN_OR_RETURN(auto person, instance.store().FindPerson(record.own_person_id));
  if (!person || person->person.data_key.empty()) {
    return Status::Conflict(instance::RecordId(record.record_id) + " belongs to an erased person");
  }
  CANJE_ASSIGN_OR_RETURN(side.person, registry::OpenPerson(instance, person->person));
  return side;
}

// The binding decision on two records' fingerprints, if any.
std::optional<store::ReviewDecisionRow> BindingDecision(
    const std::vector<store::ReviewDecisionRow>& decisions, const Bytes& left, const Bytes& right) {
  std::optional<store::ReviewDecisionRow> binding;
  const auto pair = FingerprintPair(left, right);
  for (const store::ReviewDecisionRow& decision : decisions) {
    if (FingerprintPair(decision.left_fingerprint, decision.right_fingerprint) == pair) {
      binding = decision;
    }
  }
  return binding;
}

Result<ReviewItem> MakeItem(Instance& instance, const TrainedLinkage& trained,
                            const std::vector<store::ReviewDecisionRow>& decisions,
                            const store::LinkRecordRow& left, const store::LinkRecordRow& right) {
  ReviewItem item;
  CANJE_ASSIGN_OR_RETURN(item.left, LoadSide(instance, left));
  CANJE_ASSIGN_OR_RETURN(item.right, LoadSide(instance, right));
  auto left_row = trained.RowOf(left.record_id);
  auto right_row = trained.RowOf(right.record_id);
  if (trained.engine && left_row && right_row) {
    item.explanation = trained.engine->Explain(*left_row, *right_row);
    item.probability = item.explanation.probability;
  }
  item.model = trained.model;
  item.decision = BindingDecision(decisions, left.fingerprint, right.fingerprint);
  return item;
}

// Appends one decision (its event, its row) and takes its pair out of the queue; sets the
// outcome's event and decision ids (outcome.replaces is the caller's).
Status AppendDecision(Instance& instance, instance::Recorder& recorder,
                      const store::LinkRecordRow& left, const store::LinkRecordRow& right,
                      bool same, const std::string& reason, DecisionOutcome& outcome) {
  const std::string left_id = instance::RecordId(left.record_id);
  const std::string right_id = instance::RecordId(right.record_id);
  nlohmann::json payload = {{"left", left_id},
                            {"right", right_id},
                            {"decision", same ? "same" : "different"},
                            {"reason", reason}};
  if (outcome.replaces != 0) payload["replaces"] = outcome.replaces;
  CANJE_ASSIGN_OR_RETURN(outcome.event_seq,
                         recorder.Record(events::kReviewDecided,
                                         {left_id, right_id, instance::PersonId(left.person_id),
                                          instance::PersonId(right.person_id)},
                                         payload));
  store::ReviewDecisionRow row;
  row.left_fingerprint = left.fingerprint;
  row.right_fingerprint = right.fingerprint;
  row.left_record = left.record_id;
  row.right_record = right.record_id;
  row.same = same;
  row.decided_by = instance.actor().user;
  row.party = instance.actor().party;
  row.decided_at = recorder.transaction().now();
  row.event_seq = outcome.event_seq;
  row.replaces = outcome.replaces;
  CANJE_ASSIGN_OR_RETURN(outcome.decision_id,
                         store::AddReviewDecision(recorder.transaction(), row));
  return store::RemoveFromReviewQueue(recorder.transaction(), left.fingerprint, right.fingerprint);
}

}  // namespace

Result<std::vector<ReviewItem>> ListReviewQueue(Instance& instance, int64_t limit) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReviewLinks));
  store::Store& store = instance.store();
  CANJE_ASSIGN_OR_RETURN(auto queue, store::ReviewQueue(store));
  std::vector<ReviewItem> items;
  std::vector<std::pair<int64_t, int64_t>> read;  // the pairs shown side by side
  if (queue.empty()) return items;
  CANJE_ASSIGN_OR_RETURN(TrainedLinkage trained, LinkageForExplaining(instance, std::nullopt));
  CANJE_ASSIGN_OR_RETURN(auto decisions, store::ReviewDecisions(store));
  for (const store::ReviewQueueRow& pair : queue) {
    if (limit > 0 && static_cast<int64_t>(items.size()) >= limit) break;
    CANJE_ASSIGN_OR_RETURN(auto left, store::FindLinkRecord(store, pair.left_record));
    CANJE_ASSIGN_OR_RETURN(auto right, store::FindLinkRecord(store, pair.right_record));
    if (!left || !right || left->erased || right->erased) continue;
    const store::ListRow& left_list = *trained.input.list_by_id.at(left->list_id);
    const store::ListRow& right_list = *trained.input.list_by_id.at(right->list_id);
    CANJE_ASSIGN_OR_RETURN(PairSight sight,
                           SightOfPair(instance, *left, left_list, *right, right_list));
    if (sight == PairSight::kBoth) {
      if (!AuthorizeDecision(instance, left_list, right_list, true).ok()) continue;
      CANJE_ASSIGN_OR_RETURN(ReviewItem item,
                             MakeItem(instance, trained, decisions, *left, *right));
      item.probability = std::strtod(pair.probability.c_str(), nullptr);
      item.queued_because = ParseQueueReason(pair.reason);
      item.linked = left->person_id == right->person_id;
      read.emplace_back(left->record_id, right->record_id);
      items.push_back(std::move(item));
    } else if (sight != PairSight::kNeither) {
      // One record of the caller's own list, and a candidate it may not see: only that.
      const bool left_seen = sight == PairSight::kLeftOnly;
      const store::ListRow& seen_list = left_seen ? left_list : right_list;
      if (seen_list.party != instance.actor().party) continue;
      ReviewItem item;
      item.candidate_only = true;
      CANJE_ASSIGN_OR_RETURN((left_seen ? item.left : item.right),
                             LoadSide(instance, left_seen ? *left : *right));
      (left_seen ? item.right : item.left).hidden = true;
      items.push_back(std::move(item));
    }
  }
  CANJE_RETURN_IF_ERROR(RecordPairReads(instance, read, "review list"));
  return items;
}

Result<ReviewItem> ExplainRecords(Instance& instance, int64_t left_record, int64_t right_record,
                                  std::optional<int64_t> run) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReviewLinks));
  store::Store& store = instance.store();
  CANJE_ASSIGN_OR_RETURN(SeenPair records, RequirePair(instance, left_record, right_record));
  const store::LinkRecordRow& left = records.left;
  const store::LinkRecordRow& right = records.right;
  CANJE_ASSIGN_OR_RETURN(TrainedLinkage trained, LinkageForExplaining(instance, run));
  for (const auto* record : {&left, &right}) {
    if (!trained.RowOf(record->record_id)) {
      return Status::Conflict(instance::RecordId(record->record_id) + " is on " +
                              instance::ListId(record->list_id) +
                              ", which a later version of the same list superseded; explain "
                              "the records of the current version");
    }
  }
  CANJE_ASSIGN_OR_RETURN(auto decisions, store::ReviewDecisions(store));
  CANJE_ASSIGN_OR_RETURN(ReviewItem item, MakeItem(instance, trained, decisions, left, right));
  CANJE_RETURN_IF_ERROR(
      RecordPairReads(instance, {{left.record_id, right.record_id}}, "link explain"));
  return item;
}

Result<DecisionOutcome> DecidePair(Instance& instance, int64_t left_record, int64_t right_record,
                                   bool same, const std::string& reason, DecisionFault* fault) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReviewLinks));
  if (reason.empty()) {
    if (fault != nullptr) *fault = {0, "reason"};
    return Status::Usage("say why with --reason \"...\"; the reason is kept in the log");
  }
  if (left_record == right_record) {
    return Status::Usage("a record is always the same person as itself: name two records");
  }
  if (left_record > right_record) std::swap(left_record, right_record);
  store::Store& store = instance.store();
  CANJE_ASSIGN_OR_RETURN(SeenPair records, RequirePair(instance, left_record, right_record));
  CANJE_ASSIGN_OR_RETURN(bool queued, Queued(store, left_record, right_record));
  CANJE_RETURN_IF_ERROR(
      AuthorizeDecision(instance, records.left_list, records.right_list, queued));
  const store::LinkRecordRow& left = records.left;
  const store::LinkRecordRow& right = records.right;
  CANJE_ASSIGN_OR_RETURN(auto decisions, store::ReviewDecisions(store));
  const auto binding = BindingDecision(decisions, left.fingerprint, right.fingerprint);
  if (binding && binding->same == same) {
    return Status::Conflict("decision D" + std::to_string(binding->id) + " already says " +
                            instance::RecordId(binding->left_record) + " and " +
                            instance::RecordId(binding->right_record) + " are " +
                            (same ? "the same person" : "different persons") + "; nothing changed");
  }
  DecisionOutcome outcome;
  outcome.replaces = binding ? binding->id : 0;
  CANJE_RETURN_IF_ERROR(instance.Change([&](instance::Recorder& recorder) -> Status {
    return AppendDecision(instance, recorder, left, right, same, reason, outcome);
  }));
  return outcome;
}

Result<BatchDecisionReport> DecidePairs(Instance& instance,
                                        const std::vector<PairDecision>& decisions,
                                        DecisionFault* fault) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReviewLinks));
  store::Store& store = instance.store();
  CANJE_ASSIGN_OR_RETURN(auto existing, store::ReviewDecisions(store));
  struct Checked {
    store::LinkRecordRow left, right;
    const PairDecision* decision;
    int64_t replaces;
  };
  std::vector<Checked> checked;
  std::map<std::pair<Bytes, Bytes>, const PairDecision*> in_batch;
  BatchDecisionReport report;
  for (size_t i = 0; i < decisions.size(); ++i) {
    const PairDecision& decision = decisions[i];
    auto fail = [&](const Status& status, std::string_view member = "") {
      if (fault != nullptr) *fault = {i, std::string(member)};
      return Status(status.code(), decision.where + ": " + std::string(status.message()));
    };
    if (decision.reason.empty())
      return fail(Status::Usage("no reason given; every decision says why"), "reason");
    if (decision.left_record == decision.right_record) {
      return fail(Status::Usage("a record is always the same person as itself"));
    }
    auto records = RequirePair(instance, std::min(decision.left_record, decision.right_record),
                               std::max(decision.left_record, decision.right_record));
    if (!records.ok()) return fail(records.status());
    auto queued = Queued(store, decision.left_record, decision.right_record);
    if (!queued.ok()) return fail(queued.status());
    Status allowed =
        AuthorizeDecision(instance, records->left_list, records->right_list, *queued);
    if (!allowed.ok()) return fail(allowed);
    const store::LinkRecordRow& left = records->left;
    const store::LinkRecordRow& right = records->right;
    const auto pair = FingerprintPair(left.fingerprint, right.fingerprint);
    auto earlier = in_batch.find(pair);
    if (earlier != in_batch.end()) {
      if (earlier->second->same != decision.same) {
        return fail(Status::Invalid("contradicts " + earlier->second->where +
                                    " about the same two rows; keep one of them"));
      }
      ++report.unchanged;
      continue;
    }
    in_batch[pair] = &decision;
    const auto binding = BindingDecision(existing, left.fingerprint, right.fingerprint);
    if (binding && binding->same == decision.same) {
      ++report.unchanged;
      continue;
    }
    checked.push_back({left, right, &decision, binding ? binding->id : 0});
  }
  if (checked.empty()) return report;
  CANJE_RETURN_IF_ERROR(instance.Change([&](instance::Recorder& recorder) -> Status {
    for (const Checked& one : checked) {
      DecisionOutcome outcome;
      outcome.replaces = one.replaces;
      CANJE_RETURN_IF_ERROR(AppendDecision(instance, recorder, one.left, one.right,
                                           one.decision->same, one.decision->reason, outcome));
      if (report.first_event < 0) report.first_event = outcome.event_seq;
      ++report.recorded;
    }
    return Status::Ok();
  }));
  return report;
}

}  // namespace canje::reconciliation
