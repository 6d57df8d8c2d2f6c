// The model each `canje link` run saves, and its use by the review queue and explanations.
//
// A run that changes the store (appends its "persons.linked" event) saves, in the same
// transaction, the model it trained (store/link_model_tables.h): for every comparison and level
// its m and u, the prior, the settings it ran with (threshold, review band, orphan floor, the
// fields compared and the engine's options), a SHA-256 over the compared records' fingerprints
// in record id order (the data it was trained on, without personal data), and the counts behind
// the term-frequency adjustment of names — how many records held each given and family name,
// keyed by a 64-bit hash of the prepared name — sealed under the instance's text key (context
// "link model N name counts"), since they are derived from names. Runs are numbered 1, 2, ...
//
// `canje review list` and `canje link explain` build the engine on today's records (the values
// compared are the records' own) with the parameters and name counts of the latest saved model,
// or of run N (`link explain --run N`), so that the explanation of a past merge is the one its
// run computed. Only when no run saved a model yet do they train on today's records, and say so.
// A model saved before canje compared patronymics and service numbers still loads: those two
// comparisons weigh nothing in it, as they did in its run. A model that compares other fields
// than this canje, or other levels, is refused with a message to run `canje link` again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "reconciliation/linker.h"
#include "reconciliation/trained_linkage.h"

namespace canje::reconciliation {

struct LevelParameters {
  std::string level;  // "exact", "jaro_winkler_high", ..., "missing"
  double m = 0;
  double u = 0;
  double weight = 0;  // log2(m/u), bits; 0 for "missing"
};

struct ComparisonParameters {
  std::string comparison;  // "given_name", "family_name", "date_of_birth", ...
  std::vector<LevelParameters> levels;
};

struct LinkModelSettings {
  double threshold = 0;
  double review_low = 0;
  double review_high = 0;
  double orphan_floor = 0;
  std::vector<std::pair<std::string, std::string>> fields;  // column, kind
  int64_t max_block_size = 0;
  int64_t u_sample_pairs = 0;
  int64_t em_sample_pairs = 0;
  int64_t seed = 0;
  double cluster_link_density = 0;
  int64_t max_cluster_size = 0;
  double same_list_probability = 0;
};

struct SavedLinkModel {
  int64_t run = 0;
  int64_t runs = 0;  // how many runs saved a model
  int64_t event_seq = 0;
  std::string trained_at;
  std::string trained_by;
  int64_t records_compared = 0;
  std::string data_sha256;  // hex
  LinkModelSettings settings;
  double prior = 0;
  double prior_log2_odds = 0;
  std::vector<ComparisonParameters> comparisons;
  int64_t names_counted = 0;  // records whose names the sealed counts cover
};

// `canje link model [--run N]`: the model of run `run`, or of the latest run. Authorised as
// explanations are (kReviewLinks). kNotFound when no run saved a model yet, or for an unknown
// run (the message names the runs there are).
Result<SavedLinkModel> ReadLinkModel(instance::Instance& instance, std::optional<int64_t> run);

// Saves the model of `trained` (a run's engine, trained) as the next run, recorded by the
// run's event `event_seq`; inside the run's change. Nothing is saved without an engine.
Status SaveLinkModel(instance::Recorder& recorder, const TrainedLinkage& trained,
                     const LinkStoreOptions& options, int64_t event_seq);

// The engine on today's records with the parameters of run `run`'s model (kNotFound for an
// unknown run), or without `run` of the latest saved model; trained now (model.run 0) when no
// run saved a model yet.
Result<TrainedLinkage> LinkageForExplaining(instance::Instance& instance,
                                            std::optional<int64_t> run);

}  // namespace canje::reconciliation
