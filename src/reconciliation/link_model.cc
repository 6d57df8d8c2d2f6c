#include "reconciliation/link_model.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/digest.h"
#include "core/encoding.h"
#include "linkage/comparison_level.h"
#include "protect/sealing_contexts.h"
#include "store/link_model_tables.h"

namespace canje::reconciliation {
namespace {

using nlohmann::json;

// The name counts as bytes: records (8 bytes), then for given names and for family names a
// count of entries (4 bytes) and each entry's hash (8) and count (4), hashes ascending; all
// little-endian.
void PutNumber(Bytes& out, uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<uint8_t>(value >> (8 * i)));
}

Bytes EncodeNameCounts(const linkage::NameFrequencies& names) {
  Bytes out;
  PutNumber(out, names.records, 8);
  for (const auto* counts : {&names.given, &names.family}) {
    std::vector<std::pair<uint64_t, uint32_t>> sorted(counts->begin(), counts->end());
    std::sort(sorted.begin(), sorted.end());
    PutNumber(out, sorted.size(), 4);
    for (const auto& [hash, count] : sorted) {
      PutNumber(out, hash, 8);
      PutNumber(out, count, 4);
    }
  }
  return out;
}

Result<linkage::NameFrequencies> DecodeNameCounts(ByteView bytes) {
  size_t at = 0;
  bool short_read = false;
  auto take = [&](int length) -> uint64_t {
    if (at + static_cast<size_t>(length) > bytes.size()) {
      short_read = true;
      return 0;
    }
    uint64_t value = 0;
    for (int i = 0; i < length; ++i) value |= uint64_t{bytes[at + static_cast<size_t>(i)]} << (8 * i);
    at += static_cast<size_t>(length);
    return value;
  };
  linkage::NameFrequencies names;
  names.records = take(8);
  for (auto* counts : {&names.given, &names.family}) {
    const uint64_t entries = take(4);
    for (uint64_t i = 0; i < entries && !short_read; ++i) {
      const uint64_t hash = take(8);
      (*counts)[hash] = static_cast<uint32_t>(take(4));
    }
  }
  if (short_read || at != bytes.size()) return Status::Invalid("a saved model's name counts are damaged");
  return names;
}

// SHA-256 over the compared records' fingerprints, in record id order.
Bytes DataFingerprint(const TrainedLinkage& trained) {
  Sha256Hasher hasher;
  for (uint32_t row = 0; row < trained.input.compared.size(); ++row) {
    hasher.Update(trained.RecordAt(row).fingerprint);
  }
  const Sha256Hash hash = hasher.Finish();
  return Bytes(hash.begin(), hash.end());
}

json SettingsJson(const TrainedLinkage& trained, const LinkStoreOptions& options) {
  json fields = json::array();
  for (const linkage::FieldSettings& field : trained.input.settings.left.fields) {
    fields.push_back({{"column", field.column}, {"kind", linkage::FieldKindName(field.kind)}});
  }
  const linkage::LinkOptions& engine = trained.options;
  return {{"threshold", options.threshold},
          {"review_low", options.review_low},
          {"review_high", options.review_high},
          {"orphan_floor", options.orphan_floor},
          {"fields", fields},
          {"max_block_size", engine.max_block_size},
          {"u_sample_pairs", engine.u_sample_pairs},
          {"em_sample_pairs", engine.em_sample_pairs},
          {"seed", engine.seed},
          {"cluster_link_density", engine.cluster_link_density},
          {"max_cluster_size", engine.max_cluster_size},
          {"same_list_probability", engine.same_list_probability}};
}

json ParametersJson(const linkage::LinkageEngine& engine) {
  const linkage::FellegiSunterModel& model = engine.model();
  json comparisons = json::array();
  for (int c = 0; c < engine.schema().size(); ++c) {
    const linkage::ComparisonSpec& spec = engine.schema().comparisons()[static_cast<size_t>(c)];
    const linkage::LevelSet& set = linkage::LevelSetFor(spec.kind);
    json levels = json::array();
    for (int level = 0; level < model.levels(c); ++level) {
      levels.push_back({{"level", linkage::ComparisonLevelName(set.at(level))},
                        {"m", model.m(c, level)},
                        {"u", model.u(c, level)}});
    }
    comparisons.push_back({{"comparison", spec.name}, {"levels", levels}});
  }
  return {{"prior", model.prior()}, {"comparisons", comparisons}};
}

// The row's settings and parameters, read back. kInvalid for a damaged row.
Result<SavedLinkModel> Decode(const store::LinkModelRow& row) {
  SavedLinkModel model;
  model.run = row.run;
  model.event_seq = row.event_seq;
  model.trained_at = row.trained_at;
  model.trained_by = row.trained_by;
  model.records_compared = row.records_compared;
  model.data_sha256 = HexEncode(row.data_sha256);
  try {
    const json settings = json::parse(row.settings);
    LinkModelSettings& s = model.settings;
    s.threshold = settings.at("threshold");
    s.review_low = settings.at("review_low");
    s.review_high = settings.at("review_high");
    s.orphan_floor = settings.at("orphan_floor");
    for (const json& field : settings.at("fields")) {
      s.fields.emplace_back(field.at("column").get<std::string>(),
                            field.at("kind").get<std::string>());
    }
    s.max_block_size = settings.at("max_block_size");
    s.u_sample_pairs = settings.at("u_sample_pairs");
    s.em_sample_pairs = settings.at("em_sample_pairs");
    s.seed = settings.at("seed");
    s.cluster_link_density = settings.at("cluster_link_density");
    s.max_cluster_size = settings.at("max_cluster_size");
    s.same_list_probability = settings.at("same_list_probability");
    const json parameters = json::parse(row.parameters);
    model.prior = parameters.at("prior");
    for (const json& comparison : parameters.at("comparisons")) {
      ComparisonParameters out;
      out.comparison = comparison.at("comparison").get<std::string>();
      for (const json& level : comparison.at("levels")) {
        LevelParameters l;
        l.level = level.at("level").get<std::string>();
        l.m = level.at("m");
        l.u = level.at("u");
        l.weight = l.level == "missing" ? 0.0
                                        : std::log2(std::max(l.m, 1e-12) / std::max(l.u, 1e-12));
        out.levels.push_back(std::move(l));
      }
      model.comparisons.push_back(std::move(out));
    }
  } catch (const json::exception& error) {
    return Status::Invalid("the model of link run " + std::to_string(row.run) +
                           " is damaged: " + error.what());
  }
  model.prior_log2_odds = std::log2(model.prior) - std::log2(1 - model.prior);
  return model;
}

Result<store::LinkModelRow> FindRun(store::Store& store, std::optional<int64_t> run) {
  CANJE_ASSIGN_OR_RETURN(int64_t runs, store::LinkModelCount(store));
  if (runs == 0) {
    return Status::NotFound(
        "no `canje link` run has saved a model yet; run canje link (a run that changes the "
        "store saves its model)");
  }
  CANJE_ASSIGN_OR_RETURN(auto row, run ? store::FindLinkModel(store, *run)
                                       : store::LatestLinkModel(store));
  if (!row) {
    return Status::NotFound("no link run " + std::to_string(*run) + " saved a model; the runs are " +
                            (runs == 1 ? std::string("1") : "1 to " + std::to_string(runs)));
  }
  return *row;
}

// The comparisons canje added since models were first saved: a model saved before compared
// neither, so each weighs nothing in it (m = u at every level), which reproduces what its run
// computed.
constexpr std::string_view kComparisonsAddedSince[] = {"patronymic", "service_number"};

// The saved model's m and u in the order of `schema`'s comparisons, matched by name and level
// name; a comparison added since (above) that the model lacks gets m = u = 1 at every level.
// False when the model does not fit: a comparison or level of one that the other lacks.
bool ParametersForSchema(const SavedLinkModel& saved, const linkage::ComparisonSchema& schema,
                         std::vector<std::vector<double>>* m, std::vector<std::vector<double>>* u) {
  size_t used = 0;
  for (const linkage::ComparisonSpec& spec : schema.comparisons()) {
    const linkage::LevelSet& set = linkage::LevelSetFor(spec.kind);
    auto found = std::find_if(saved.comparisons.begin(), saved.comparisons.end(),
                              [&](const ComparisonParameters& c) { return c.comparison == spec.name; });
    if (found == saved.comparisons.end()) {
      const bool added_since = std::find(std::begin(kComparisonsAddedSince),
                                         std::end(kComparisonsAddedSince),
                                         spec.name) != std::end(kComparisonsAddedSince);
      if (!added_since) return false;
      m->emplace_back(static_cast<size_t>(set.size()), 1.0);
      u->emplace_back(static_cast<size_t>(set.size()), 1.0);
      continue;
    }
    ++used;
    if (found->levels.size() != static_cast<size_t>(set.size())) return false;
    m->emplace_back();
    u->emplace_back();
    for (int level = 0; level < set.size(); ++level) {
      const LevelParameters& saved_level = found->levels[static_cast<size_t>(level)];
      if (saved_level.level != linkage::ComparisonLevelName(set.at(level))) return false;
      m->back().push_back(saved_level.m);
      u->back().push_back(saved_level.u);
    }
  }
  return used == saved.comparisons.size();
}

// The row's name counts, opened.
Result<linkage::NameFrequencies> OpenNameCounts(instance::Instance& instance,
                                                const store::LinkModelRow& row) {
  CANJE_ASSIGN_OR_RETURN(Bytes counts,
                         instance.vault().Open(instance.vault().TextKey(), row.name_counts_sealed,
                                               protect::LinkModelNameCountsContext(row.run)));
  return DecodeNameCounts(counts);
}

}  // namespace

Result<SavedLinkModel> ReadLinkModel(instance::Instance& instance, std::optional<int64_t> run) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReviewLinks));
  CANJE_ASSIGN_OR_RETURN(store::LinkModelRow row, FindRun(instance.store(), run));
  CANJE_ASSIGN_OR_RETURN(SavedLinkModel model, Decode(row));
  CANJE_ASSIGN_OR_RETURN(model.runs, store::LinkModelCount(instance.store()));
  CANJE_ASSIGN_OR_RETURN(linkage::NameFrequencies names, OpenNameCounts(instance, row));
  model.names_counted = static_cast<int64_t>(names.records);
  return model;
}

Status SaveLinkModel(instance::Recorder& recorder, const TrainedLinkage& trained,
                     const LinkStoreOptions& options, int64_t event_seq) {
  if (!trained.engine) return Status::Ok();
  store::WriteTransaction& transaction = recorder.transaction();
  store::LinkModelRow row;
  CANJE_ASSIGN_OR_RETURN(row.run, store::NextLinkModelRun(transaction));
  row.event_seq = event_seq;
  row.records_compared = static_cast<int64_t>(trained.input.compared.size());
  row.data_sha256 = DataFingerprint(trained);
  row.settings = SettingsJson(trained, options).dump();
  row.parameters = ParametersJson(*trained.engine).dump();
  protect::Vault& vault = recorder.vault();
  row.name_counts_sealed =
      vault.Seal(vault.TextKey(), EncodeNameCounts(trained.engine->name_frequencies()),
                 protect::LinkModelNameCountsContext(row.run));
  return store::AddLinkModel(transaction, row);
}

Result<TrainedLinkage> LinkageForExplaining(instance::Instance& instance,
                                            std::optional<int64_t> run) {
  store::Store& store = instance.store();
  CANJE_ASSIGN_OR_RETURN(int64_t runs, store::LinkModelCount(store));
  if (runs == 0 && !run) return TrainOnStore(instance, 2);
  CANJE_ASSIGN_OR_RETURN(store::LinkModelRow row, FindRun(store, run));
  CANJE_ASSIGN_OR_RETURN(SavedLinkModel saved, Decode(row));
  CANJE_ASSIGN_OR_RETURN(linkage::NameFrequencies names, OpenNameCounts(instance, row));
  CANJE_ASSIGN_OR_RETURN(TrainedLinkage prepared, PrepareOnStore(instance, 2));
  prepared.model = {row.run, row.event_seq, row.trained_at};
  if (!prepared.engine) return prepared;
  std::vector<std::vector<double>> m, u;
  if (!ParametersForSchema(saved, prepared.engine->schema(), &m, &u)) {
    return Status::Invalid("the model of link run " + std::to_string(row.run) +
                           " compares other fields than this canje; run canje link again");
  }
  CANJE_RETURN_IF_ERROR(prepared.engine->UseModel(saved.prior, std::move(m), std::move(u), names));
  return prepared;
}

}  // namespace canje::reconciliation
