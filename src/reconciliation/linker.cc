#include "reconciliation/linker.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <map>
#include <nlohmann/json.hpp>

#include "instance/event_types.h"
#include "instance/ids.h"
#include "reconciliation/decisions.h"
#include "reconciliation/queue_reason.h"
#include "reconciliation/link_model.h"
#include "reconciliation/orphans.h"
#include "reconciliation/roster_guard.h"
#include "reconciliation/trained_linkage.h"
#include "registry/list_kinds.h"
#include "store/link_tables.h"
#include "store/orphan_tables.h"

namespace canje::reconciliation {
namespace {

// The representative of each cluster (see linker.h), per table row.
std::vector<int64_t> Representatives(const TrainedLinkage& trained,
                                     const std::vector<uint32_t>& cluster_of) {
  const size_t n = cluster_of.size();
  std::map<uint32_t, std::pair<bool, int64_t>> best;  // cluster -> (not a roster, own person)
  for (uint32_t row = 0; row < n; ++row) {
    const store::LinkRecordRow& record = trained.RecordAt(row);
    const bool roster = registry::ConfirmsCustody(trained.input.ListOf(record).kind);
    const std::pair<bool, int64_t> candidate(!roster, record.own_person_id);
    auto [it, inserted] = best.emplace(cluster_of[row], candidate);
    if (!inserted && candidate < it->second) it->second = candidate;
  }
  std::vector<int64_t> representative(n);
  for (uint32_t row = 0; row < n; ++row) representative[row] = best.at(cluster_of[row]).second;
  return representative;
}

std::vector<GuardedRecord> GuardedRecords(const TrainedLinkage& trained) {
  std::vector<GuardedRecord> records(trained.input.compared.size());
  for (uint32_t row = 0; row < records.size(); ++row) {
    const store::LinkRecordRow& record = trained.RecordAt(row);
    records[row] = {record.list_id,
                    registry::ConfirmsCustody(trained.input.ListOf(record).kind)};
  }
  return records;
}

// Rows i and j of `table` hold the same normalised document number (in any identifier field).
bool ShareADocument(const linkage::RecordTable& table, uint32_t i, uint32_t j) {
  for (const auto& left : table.identifiers) {
    if (left[i].empty()) continue;
    for (const auto& right : table.identifiers) {
      if (left[i] == right[j]) return true;
    }
  }
  return false;
}

// A closest-roster figure rounded to six significant digits, as the queue's probabilities are
// rounded to six decimals: training differs in its last bits from run to run, and a run over
// unchanged lists must find the figures as they were.
double FigureOfSixDigits(double probability) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", probability);
  return std::strtod(text, nullptr);
}

}  // namespace

std::string ProbabilityText(double probability) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6f", probability);
  return text;
}

Result<LinkStoreReport> LinkStore(instance::Instance& instance, const LinkStoreOptions& options) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kLinkRecords));
  if (!(options.review_low <= options.threshold && options.threshold <= options.review_high &&
        options.review_low > 0 && options.review_high <= 1)) {
    return Status::Usage("the review band must surround the threshold: 0 < review low (" +
                         ProbabilityText(options.review_low) + ") <= threshold (" +
                         ProbabilityText(options.threshold) + ") <= review high (" +
                         ProbabilityText(options.review_high) + ") <= 1");
  }
  store::Store& store = instance.store();
  CANJE_ASSIGN_OR_RETURN(TrainedLinkage trained, TrainOnStore(instance, options.threads));
  const LinkInput& input = trained.input;
  CANJE_ASSIGN_OR_RETURN(auto decisions, store::ReviewDecisions(store));
  const BindingDecisions binding = BindDecisions(input, decisions);

  LinkStoreReport report;
  report.records = static_cast<int64_t>(input.records.size());
  report.compared = static_cast<int64_t>(input.compared.size());
  report.before_schema_2 = input.before_schema_2;
  for (const store::LinkRecordRow& record : input.records) {
    if (record.own_person_id == 0) continue;
    if (!input.versions.current.contains(record.list_id)) {
      ++report.superseded;
    } else if (record.erased) {
      ++report.erased;
    }
  }
  report.decisions_applied = binding.applied;
  report.stale_decisions = binding.stale;

  // Clusters, and the review queue.
  const size_t n = input.compared.size();
  std::vector<uint32_t> cluster_of(n);
  std::vector<store::ReviewQueueRow> queue;
  std::vector<store::OrphanClosenessRow> closeness;  // how close each orphan came (orphans.h)
  if (trained.engine) {
    linkage::LinkageEngine& engine = *trained.engine;
    // Held pairs (linkage/link_rules.h) are scored and queued, but not linked.
    std::vector<linkage::ScoredPair> pairs =
        engine.ScorePairs(options.review_low, options.threshold);
    cluster_of = engine.Cluster(pairs, options.threshold, binding.by_pair);
    // Two records of one custody roster stay one person only on a document or a decision
    // (roster_guard.h); the links cut are reviewed.
    std::vector<linkage::ScoredPair> links;
    for (const linkage::ScoredPair& pair : pairs) {
      if (pair.probability >= options.threshold && pair.hold == linkage::LinkHold::kNone) {
        links.push_back(pair);
      }
    }
    const RosterGuardResult guard = SeparateRosterRecords(
        GuardedRecords(trained), links, binding.by_pair,
        [&](uint32_t i, uint32_t j) { return ShareADocument(engine.left_table(), i, j); },
        cluster_of);
    report.roster_splits = guard.clusters_split;
    // Pairs in the review band, and the links the guard cut, unless a decision covers them.
    auto review = [&](const linkage::ScoredPair& pair, QueueReason reason) {
      const store::LinkRecordRow& left = trained.RecordAt(pair.left);
      const store::LinkRecordRow& right = trained.RecordAt(pair.right);
      if (binding.decided.contains(FingerprintPair(left.fingerprint, right.fingerprint))) return;
      queue.push_back({std::min(left.record_id, right.record_id),
                       std::max(left.record_id, right.record_id),
                       ProbabilityText(pair.probability), std::string(QueueReasonName(reason))});
    };
    for (const linkage::ScoredPair& pair : guard.cut) review(pair, QueueReason::kRosterGuard);
    // A pair at or above the threshold left unlinked (a link rule, a guard) is queued whatever
    // its score: what the engine would have linked, a reviewer sees.
    for (const linkage::ScoredPair& pair : pairs) {
      if (pair.hold != linkage::LinkHold::kNone) ++report.held;
      const bool above = pair.probability >= options.threshold;
      const bool linked = cluster_of[pair.left] == cluster_of[pair.right];
      if (pair.probability >= options.review_high && !(above && !linked)) continue;
      review(pair, BandReason(above, linked));
    }
    // Claimed or documented persons left off their holder's roster: their closest roster
    // record is reviewed too (orphans.h).
    const OrphanCandidates orphans =
        ClosestRosterCandidates(trained, cluster_of, binding, options.orphan_floor);
    report.orphans = orphans.orphans;
    report.orphan_search_skipped = orphans.skipped;
    for (const OrphanCloseness& orphan : orphans.closeness) {
      std::optional<double> figure;
      if (orphan.probability) figure = FigureOfSixDigits(*orphan.probability);
      closeness.push_back({trained.RecordAt(orphan.row).record_id, figure, orphans.skipped});
    }
    std::sort(closeness.begin(), closeness.end(),
              [](const auto& a, const auto& b) { return a.record_id < b.record_id; });
    for (const linkage::ScoredPair& pair : orphans.pairs) {
      const int64_t a = trained.RecordAt(pair.left).record_id;
      const int64_t b = trained.RecordAt(pair.right).record_id;
      queue.push_back({std::min(a, b), std::max(a, b), ProbabilityText(pair.probability),
                       std::string(QueueReasonName(QueueReason::kClosestRoster))});
    }
    // One row per pair, with its first reason in the order pushed: a link the guard cut says so
    // even when its score is in the band (stable sort, then unique keeps the first).
    std::stable_sort(queue.begin(), queue.end(), [](const auto& a, const auto& b) {
      return std::pair(a.left_record, a.right_record) < std::pair(b.left_record, b.right_record);
    });
    queue.erase(std::unique(queue.begin(), queue.end(),
                            [](const auto& a, const auto& b) {
                              return a.left_record == b.left_record &&
                                     a.right_record == b.right_record;
                            }),
                queue.end());
    report.statistics = engine.statistics();
  } else {
    for (uint32_t row = 0; row < n; ++row) cluster_of[row] = row + 1;
  }
  report.persons = n == 0 ? 0 : *std::max_element(cluster_of.begin(), cluster_of.end());
  report.review_queue = static_cast<int64_t>(queue.size());
  const std::vector<int64_t> representative = Representatives(trained, cluster_of);

  // What changes.
  std::vector<std::pair<int64_t, int64_t>> relinks;  // record -> person
  std::map<int64_t, int64_t> merges;                 // person -> merged into (0: none)
  for (uint32_t row = 0; row < n; ++row) {
    const store::LinkRecordRow& record = trained.RecordAt(row);
    if (record.person_id != representative[row]) {
      relinks.emplace_back(record.record_id, representative[row]);
    }
    const int64_t own = record.own_person_id;
    const int64_t wanted = own == representative[row] ? 0 : representative[row];
    auto current = input.merged_into.find(own);
    const int64_t now = current == input.merged_into.end() ? 0 : current->second;
    if (now != wanted) merges[own] = wanted;
  }
  for (const auto& [person, into] : merges) (into == 0 ? report.separated : report.merged)++;
  report.relinked = static_cast<int64_t>(relinks.size());
  CANJE_ASSIGN_OR_RETURN(auto current_queue, store::ReviewQueue(store));
  const bool queue_changed = current_queue.size() != queue.size() ||
                             !std::equal(queue.begin(), queue.end(), current_queue.begin(),
                                         [](const auto& a, const auto& b) {
                                           return a.left_record == b.left_record &&
                                                  a.right_record == b.right_record &&
                                                  a.probability == b.probability &&
                                                  a.reason == b.reason;
                                         });
  CANJE_ASSIGN_OR_RETURN(auto current_closeness, store::OrphanCloseness(store));
  const bool closeness_changed =
      !std::equal(closeness.begin(), closeness.end(), current_closeness.begin(),
                  current_closeness.end(), [](const auto& a, const auto& b) {
                    return a.record_id == b.record_id && a.probability == b.probability &&
                           a.search_skipped == b.search_skipped;
                  });
  if (relinks.empty() && merges.empty() && !queue_changed && !closeness_changed) return report;

  nlohmann::json changes = nlohmann::json::array();
  for (const auto& [record, person] : relinks) {
    changes.push_back({instance::RecordId(record), instance::PersonId(person)});
  }
  nlohmann::json merged = nlohmann::json::array();
  nlohmann::json separated = nlohmann::json::array();
  for (const auto& [person, into] : merges) {
    if (into == 0) {
      separated.push_back(instance::PersonId(person));
    } else {
      merged.push_back({instance::PersonId(person), instance::PersonId(into)});
    }
  }
  nlohmann::json stale = nlohmann::json::array();
  for (const StaleDecision& decision : binding.stale) stale.push_back(decision.decision_id);
  CANJE_RETURN_IF_ERROR(instance.Change([&](instance::Recorder& recorder) -> Status {
    CANJE_ASSIGN_OR_RETURN(store::LinkWriter writer,
                           store::LinkWriter::Create(recorder.transaction()));
    for (const auto& [record, person] : relinks) {
      CANJE_RETURN_IF_ERROR(writer.RelinkRecord(record, person));
    }
    for (const auto& [person, into] : merges) {
      CANJE_RETURN_IF_ERROR(writer.SetMergedInto(person, into));
    }
    CANJE_RETURN_IF_ERROR(store::ReplaceReviewQueue(recorder.transaction(), queue));
    CANJE_RETURN_IF_ERROR(store::ReplaceOrphanCloseness(recorder.transaction(), closeness));
    CANJE_ASSIGN_OR_RETURN(
        report.event_seq,
        recorder.Record(events::kPersonsLinked, {"reconciliation"},
                        {{"threshold", options.threshold},
                         {"review_band", {options.review_low, options.review_high}},
                         {"records_compared", report.compared},
                         {"persons", report.persons},
                         {"relinked", std::move(changes)},
                         {"merged", std::move(merged)},
                         {"separated", std::move(separated)},
                         {"review_queue", report.review_queue},
                         {"decisions_applied", report.decisions_applied},
                         {"stale_decisions", std::move(stale)}}));
    return SaveLinkModel(recorder, trained, options, report.event_seq);
  }));
  report.changed = true;
  return report;
}

}  // namespace canje::reconciliation
