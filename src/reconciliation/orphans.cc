#include "reconciliation/orphans.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>

#include "registry/list_kinds.h"

namespace canje::reconciliation {

OrphanCandidates ClosestRosterCandidates(const TrainedLinkage& trained,
                                         const std::vector<uint32_t>& cluster_of,
                                         const BindingDecisions& binding, double floor,
                                         uint64_t max_comparisons) {
  OrphanCandidates result;
  if (!trained.engine) return result;
  const linkage::LinkageEngine& engine = *trained.engine;
  const uint32_t n = static_cast<uint32_t>(cluster_of.size());
  // Roster rows by holder, and the (cluster, holder) pairs some roster covers.
  std::map<std::string, std::vector<uint32_t>> roster_rows;
  std::set<std::pair<uint32_t, std::string>> held;
  auto roster_holder = [&](uint32_t row) -> std::optional<std::string> {
    const store::LinkRecordRow& record = trained.RecordAt(row);
    const store::ListRow& list = trained.input.ListOf(record);
    if (!registry::ConfirmsCustody(list.kind)) return std::nullopt;
    return record.holder.empty() ? list.party : record.holder;
  };
  for (uint32_t row = 0; row < n; ++row) {
    if (auto holder = roster_holder(row)) {
      roster_rows[*holder].push_back(row);
      held.insert({cluster_of[row], *holder});
      held.insert({cluster_of[row], ""});  // on some roster
    }
  }
  std::vector<std::pair<uint32_t, const std::vector<uint32_t>*>> orphans;
  std::vector<uint32_t> all_roster_rows;
  for (const auto& [holder, rows] : roster_rows) {
    all_roster_rows.insert(all_roster_rows.end(), rows.begin(), rows.end());
  }
  uint64_t comparisons = 0;
  for (uint32_t row = 0; row < n; ++row) {
    if (roster_holder(row)) continue;
    const std::string& holder = trained.RecordAt(row).holder;
    if (held.contains({cluster_of[row], holder})) continue;
    auto rows = roster_rows.find(holder);
    const std::vector<uint32_t>* candidates =
        holder.empty() ? &all_roster_rows : (rows == roster_rows.end() ? nullptr : &rows->second);
    ++result.orphans;
    result.closeness.push_back({row, std::nullopt});
    if (candidates == nullptr || candidates->empty()) continue;
    orphans.emplace_back(row, candidates);
    comparisons += candidates->size();
  }
  if (comparisons > max_comparisons) {
    result.skipped = true;
    return result;
  }
  std::map<uint32_t, std::optional<double>*> closest;  // orphan row -> its figure
  for (OrphanCloseness& orphan : result.closeness) closest[orphan.row] = &orphan.probability;
  for (const auto& [row, candidates] : orphans) {
    const store::LinkRecordRow& orphan = trained.RecordAt(row);
    std::optional<double>& figure = *closest.at(row);
    std::vector<std::pair<double, uint32_t>> scored;  // (probability, roster row), at the floor
    for (uint32_t candidate : *candidates) {
      const double probability = engine.Probability(row, candidate);
      if (probability >= floor) scored.emplace_back(probability, candidate);
      if (figure && probability <= *figure) continue;
      const Bytes& fingerprint = trained.RecordAt(candidate).fingerprint;
      if (!binding.decided.contains(FingerprintPair(orphan.fingerprint, fingerprint))) {
        figure = probability;
      }
    }
    std::sort(scored.begin(), scored.end(), std::greater<>());
    int decided = 0;  // the closest candidates already decided (different, or they would be held)
    for (const auto& [probability, candidate] : scored) {
      const Bytes& fingerprint = trained.RecordAt(candidate).fingerprint;
      if (!binding.decided.contains(FingerprintPair(orphan.fingerprint, fingerprint))) {
        result.pairs.push_back({row, candidate, probability});
        break;
      }
      if (++decided >= kMaxOrphanCandidates) break;
    }
  }
  return result;
}

}  // namespace canje::reconciliation
