#include "reconciliation/trained_linkage.h"

#include <chrono>

namespace canje::reconciliation {

std::optional<uint32_t> TrainedLinkage::RowOf(int64_t record_id) const {
  // compared is in record id order (records are read in id order).
  auto at = std::lower_bound(
      input.compared.begin(), input.compared.end(), record_id,
      [this](uint32_t index, int64_t id) { return input.records[index].record_id < id; });
  if (at == input.compared.end() || input.records[*at].record_id != record_id) return std::nullopt;
  return static_cast<uint32_t>(at - input.compared.begin());
}

Result<TrainedLinkage> PrepareOnStore(instance::Instance& instance, int threads) {
  TrainedLinkage trained;
  const auto start = std::chrono::steady_clock::now();
  CANJE_ASSIGN_OR_RETURN(trained.input, LoadLinkInput(instance, threads));
  const double prepare_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (trained.input.compared.size() < 2) return trained;
  trained.options.threads = threads;
  CANJE_ASSIGN_OR_RETURN(
      linkage::LinkageEngine engine,
      linkage::LinkageEngine::Create(trained.input.settings, std::move(trained.input.table),
                                     std::nullopt, trained.options));
  engine.mutable_statistics().prepare_seconds = prepare_seconds;
  trained.engine.emplace(std::move(engine));
  return trained;
}

Result<TrainedLinkage> TrainOnStore(instance::Instance& instance, int threads) {
  CANJE_ASSIGN_OR_RETURN(TrainedLinkage trained, PrepareOnStore(instance, threads));
  if (trained.engine) trained.engine->Train();
  return trained;
}

}  // namespace canje::reconciliation
