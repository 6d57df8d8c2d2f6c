#include "reconciliation/decisions.h"

#include <map>

#include "instance/ids.h"
#include "linkage/linkage_engine.h"
#include "reconciliation/linker.h"

namespace canje::reconciliation {

std::pair<Bytes, Bytes> FingerprintPair(const Bytes& a, const Bytes& b) {
  return a < b ? std::pair(a, b) : std::pair(b, a);
}

std::vector<store::ReviewDecisionRow> LatestDecisions(
    const std::vector<store::ReviewDecisionRow>& decisions) {
  std::map<std::pair<Bytes, Bytes>, const store::ReviewDecisionRow*> latest;
  for (const store::ReviewDecisionRow& decision : decisions) {
    latest[FingerprintPair(decision.left_fingerprint, decision.right_fingerprint)] = &decision;
  }
  std::vector<store::ReviewDecisionRow> rows;
  for (const auto& [pair, decision] : latest) rows.push_back(*decision);
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return rows;
}

BindingDecisions BindDecisions(const LinkInput& input,
                               const std::vector<store::ReviewDecisionRow>& decisions) {
  BindingDecisions binding;
  std::map<Bytes, std::vector<uint32_t>> rows_of;  // fingerprint -> table rows
  for (uint32_t row = 0; row < input.compared.size(); ++row) {
    const store::LinkRecordRow& record = input.records[input.compared[row]];
    if (!record.fingerprint.empty()) rows_of[record.fingerprint].push_back(row);
  }
  for (const store::ReviewDecisionRow& decision : LatestDecisions(decisions)) {
    binding.decided.insert(FingerprintPair(decision.left_fingerprint, decision.right_fingerprint));
    auto left = rows_of.find(decision.left_fingerprint);
    auto right = rows_of.find(decision.right_fingerprint);
    if (left == rows_of.end() || right == rows_of.end()) {
      StaleDecision stale;
      stale.decision_id = decision.id;
      stale.left_record = decision.left_record;
      stale.right_record = decision.right_record;
      const int64_t missing = left == rows_of.end() ? decision.left_record : decision.right_record;
      stale.why = instance::RecordId(missing) +
                  "'s row is on no current list (its list was superseded by a corrected "
                  "version, or its person erased)";
      binding.stale.push_back(stale);
      continue;
    }
    bool bound = false;
    for (uint32_t i : left->second) {
      for (uint32_t j : right->second) {
        if (i == j) continue;
        binding.by_pair[linkage::LinkageEngine::PairKey(i, j)] = decision.same;
        bound = true;
      }
    }
    if (bound) ++binding.applied;
  }
  return binding;
}

}  // namespace canje::reconciliation
