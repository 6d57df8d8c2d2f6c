// Linkage accuracy: precision, recall and F1 of `canje link`'s engine on data with known truth.
// Run by bench/linkage/accuracy; figures in docs/benchmarks.md ("Record linkage").
//
//   linkage_accuracy febrl SETTINGS FILE
//       de-duplicates a FEBRL dataset; truth: records "rec-N-..." with the same N.
//   linkage_accuracy files SETTINGS LEFT RIGHT TRUTH
//       links two lists of a generated scenario; truth: the same person_key in TRUTH (truth.csv:
//       file,record_id,person_key) for a left and a right record.
//   linkage_accuracy generate NAME SEED DIR
//       writes the scenario NAME (cecot-2025, ankara-2024) at its natural size into DIR, as
//       `canje scenario generate NAME --seed SEED --out DIR` does.
//   linkage_accuracy cyrillic SETTINGS SEED PEOPLE WORK_DIR
//       generates the Cyrillic roster and its Latin counterpart (src/scenario/cyrillic_scenario.h)
//       into WORK_DIR, and de-duplicates the two lists together as `canje link` does the lists in
//       a store; truth: the same person key. Reports all pairs, and the pairs of a Cyrillic
//       roster record with a Latin record. Writes every pair at or above the threshold to
//       WORK_DIR/predicted.csv, with its probability and outcome (linked, held by a rule, cut).
// Each prints one line per measure: label, records, true pairs, predicted pairs (at or above the
// threshold and linked), precision, recall, F1, uncertain pairs (probability in [0.1, 0.9)),
// held pairs (at or above the threshold, held back by a link rule: `canje link` over the store
// queues them for review) and how many of those are true, the links the roster guard cut and how
// many of those are true, the roster merges left (two records of one custody roster in one
// cluster without a shared document: `canje link` makes none), seconds.
//
// The roster guard (reconciliation/roster_guard.h) is applied as `canje link` over a store
// applies it: the roster of `files` (its left list) and of `cyrillic` is a custody roster, and a
// link the guard cuts is not predicted (it is queued for review as `roster_guard`). FEBRL's
// datasets have no roster.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <regex>
#include <string>
#include <tuple>

#include "accuracy_status.h"
#include "accuracy_tables.h"
#include "linkage/link_settings.h"
#include "reconciliation/linker.h"
#include "reconciliation/roster_guard.h"
#include "scenario/cyrillic_scenario.h"
#include "scenario/scenario.h"

namespace canje::bench {
namespace {

struct Run {
  std::set<IdPair> truth;
  std::vector<IdPair> predicted;  // at or above the threshold, linked
  std::vector<IdPair> held;       // at or above the threshold, held back by a link rule
  std::vector<IdPair> cut;        // linked, then cut by the roster guard
  uint64_t roster_merges = 0;     // pairs of one roster in one cluster after the guard
  // Every pair at or above the threshold: ids, probability, and what became of it ("linked",
  // the rule that held it, "roster_guard").
  std::vector<std::tuple<IdPair, double, std::string>> scored;
  std::size_t records = 0;
  uint64_t uncertain = 0;
  double seconds = 0;
};

void Print(const std::string& label, const Run& run,
           const std::function<bool(const IdPair&)>& counts) {
  const Accuracy accuracy = Measure(run.truth, run.predicted, counts);
  const Accuracy held = Measure(run.truth, run.held, counts);
  const Accuracy cut = Measure(run.truth, run.cut, counts);
  std::printf("%-44s records %zu  true %llu  predicted %llu  precision %.4f  recall %.4f  "
              "F1 %.4f  uncertain %llu  held %llu (%llu true)  cut %llu (%llu true)  "
              "roster_merges %llu  %.1f s\n",
              label.c_str(), run.records, static_cast<unsigned long long>(accuracy.true_pairs),
              static_cast<unsigned long long>(accuracy.predicted), accuracy.precision(),
              accuracy.recall(), accuracy.f1(), static_cast<unsigned long long>(run.uncertain),
              static_cast<unsigned long long>(held.predicted),
              static_cast<unsigned long long>(held.correct),
              static_cast<unsigned long long>(cut.predicted),
              static_cast<unsigned long long>(cut.correct),
              static_cast<unsigned long long>(run.roster_merges), run.seconds);
}

bool Every(const IdPair&) { return true; }

// Trains, scores at the settings' threshold, and fills run.predicted with the pairs linked,
// run.held with those a link rule holds back (linkage/link_rules.h; `canje link` queues them)
// and run.cut with the links the roster guard cuts. `roster_rows`: the first so many records
// (of the left table) are one custody roster; 0 when there is none.
// `statuses`, if given, is called with the engine, the pairs scored from the bottom of the review
// band, the clusters after the guard and the links cut (roster runs only).
using StatusMeasure = std::function<void(const linkage::LinkageEngine&,
                                         const std::vector<linkage::ScoredPair>&,
                                         const std::vector<uint32_t>&,
                                         const std::vector<linkage::ScoredPair>&)>;
Status Score(const linkage::LinkSettings& settings, linkage::RecordTable left,
             std::optional<linkage::RecordTable> right, std::size_t roster_rows, Run& run,
             const StatusMeasure& statuses = nullptr) {
  const auto start = std::chrono::steady_clock::now();
  run.records = left.size() + (right ? right->size() : 0);
  CANJE_ASSIGN_OR_RETURN(linkage::LinkageEngine engine,
                         linkage::LinkageEngine::Create(settings, std::move(left), std::move(right)));
  engine.Train();
  const double threshold = settings.threshold.value_or(0.9);
  // With a roster, scored from the bottom of the review band as `canje link` over a store scores
  // them (the clustering's density guard reads the pairs below the threshold too).
  const std::vector<linkage::ScoredPair> pairs = engine.ScorePairs(
      roster_rows > 0 ? std::min(threshold, reconciliation::kDefaultReviewLow) : threshold,
      threshold);
  std::vector<linkage::ScoredPair> links;
  for (const linkage::ScoredPair& pair : pairs) {
    if (pair.probability < threshold) continue;
    if (pair.hold == linkage::LinkHold::kNone) {
      links.push_back(pair);
    } else {
      run.held.push_back(MakeIdPair(engine.RecordId(pair.left), engine.RecordId(pair.right)));
      run.scored.emplace_back(run.held.back(), pair.probability,
                              std::string(linkage::LinkHoldName(pair.hold)));
    }
  }
  std::set<uint64_t> cut;
  if (roster_rows > 0) {
    std::vector<reconciliation::GuardedRecord> records(engine.record_count(), {2, false});
    for (std::size_t row = 0; row < roster_rows; ++row) records[row] = {1, true};
    const linkage::RecordTable& table = engine.left_table();
    // Only the left table holds roster rows, so a shared document is looked up there.
    auto same_document = [&](uint32_t i, uint32_t j) {
      if (i >= table.size() || j >= table.size()) return false;
      for (const auto& a : table.identifiers) {
        if (a[i].empty()) continue;
        for (const auto& b : table.identifiers) {
          if (a[i] == b[j]) return true;
        }
      }
      return false;
    };
    std::vector<uint32_t> cluster_of = engine.Cluster(pairs, threshold);
    const reconciliation::RosterGuardResult guard =
        reconciliation::SeparateRosterRecords(records, links, {}, same_document, cluster_of);
    for (const linkage::ScoredPair& pair : guard.cut) {
      cut.insert(linkage::LinkageEngine::PairKey(pair.left, pair.right));
    }
    if (statuses) statuses(engine, pairs, cluster_of, guard.cut);
    std::map<uint32_t, std::vector<uint32_t>> roster_members;
    for (uint32_t row = 0; row < roster_rows; ++row) roster_members[cluster_of[row]].push_back(row);
    for (const auto& [cluster, rows] : roster_members) {
      for (std::size_t x = 0; x < rows.size(); ++x) {
        for (std::size_t y = x + 1; y < rows.size(); ++y) {
          if (!same_document(rows[x], rows[y])) ++run.roster_merges;
        }
      }
    }
  }
  for (const linkage::ScoredPair& pair : links) {
    const bool was_cut = cut.contains(linkage::LinkageEngine::PairKey(pair.left, pair.right));
    std::vector<IdPair>& into = was_cut ? run.cut : run.predicted;
    into.push_back(MakeIdPair(engine.RecordId(pair.left), engine.RecordId(pair.right)));
    run.scored.emplace_back(into.back(), pair.probability, was_cut ? "roster_guard" : "linked");
  }
  run.uncertain = engine.statistics().uncertain_pairs;
  run.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return Status::Ok();
}

// Every pair of ids with the same person key, within `ids` (or, with `right_ids`, one from each).
std::set<IdPair> TruePairs(const std::vector<std::string>& ids,
                           const std::map<std::string, std::string>& keys,
                           const std::vector<std::string>* right_ids = nullptr) {
  std::map<std::string, std::vector<std::string>> left_by_key, right_by_key;
  for (const std::string& id : ids) {
    if (auto it = keys.find(id); it != keys.end()) left_by_key[it->second].push_back(id);
  }
  if (right_ids != nullptr) {
    for (const std::string& id : *right_ids) {
      if (auto it = keys.find(id); it != keys.end()) right_by_key[it->second].push_back(id);
    }
  }
  std::set<IdPair> truth;
  for (const auto& [key, group] : left_by_key) {
    if (right_ids != nullptr) {
      for (const std::string& a : group) {
        for (const std::string& b : right_by_key[key]) truth.insert(MakeIdPair(a, b));
      }
      continue;
    }
    for (std::size_t i = 0; i < group.size(); ++i) {
      for (std::size_t j = i + 1; j < group.size(); ++j) {
        truth.insert(MakeIdPair(group[i], group[j]));
      }
    }
  }
  return truth;
}

Status Febrl(const linkage::LinkSettings& settings, const std::string& file) {
  CANJE_ASSIGN_OR_RETURN(linkage::RecordTable table,
                         linkage::LoadRecordTable(file, settings.left, settings.file_name));
  std::map<std::string, std::string> keys;
  const std::regex record("rec-([0-9]+)-.*");
  for (const std::string& id : table.ids) {
    std::smatch match;
    if (std::regex_match(id, match, record)) keys[id] = match[1];
  }
  Run run;
  run.truth = TruePairs(table.ids, keys);
  CANJE_RETURN_IF_ERROR(Score(settings, std::move(table), std::nullopt, 0, run));
  Print(std::filesystem::path(file).filename().string(), run, Every);
  return Status::Ok();
}

Status Files(const linkage::LinkSettings& settings, const std::string& left_path,
             const std::string& right_path, const std::string& truth_path) {
  CANJE_ASSIGN_OR_RETURN(linkage::RecordTable left,
                         linkage::LoadRecordTable(left_path, settings.left, settings.file_name));
  CANJE_ASSIGN_OR_RETURN(linkage::RecordTable right,
                         linkage::LoadRecordTable(right_path, settings.right, settings.file_name));
  const std::string left_file = std::filesystem::path(left_path).filename().string();
  const std::string right_file = std::filesystem::path(right_path).filename().string();
  // Record ids may repeat across files: prefix them with their file.
  CANJE_ASSIGN_OR_RETURN(auto left_keys, ReadPersonKeys(truth_path, "record_id", "person_key",
                                                        "file", left_file));
  CANJE_ASSIGN_OR_RETURN(auto right_keys, ReadPersonKeys(truth_path, "record_id", "person_key",
                                                         "file", right_file));
  std::map<std::string, std::string> keys;
  for (std::string& id : left.ids) {
    if (auto it = left_keys.find(id); it != left_keys.end()) keys["L:" + id] = it->second;
    id = "L:" + id;
  }
  for (std::string& id : right.ids) {
    if (auto it = right_keys.find(id); it != right_keys.end()) keys["R:" + id] = it->second;
    id = "R:" + id;
  }
  Run run;
  run.truth = TruePairs(left.ids, keys, &right.ids);
  const std::size_t roster_rows = left.size();  // the left list of each pair is the roster
  CANJE_RETURN_IF_ERROR(Score(settings, std::move(left), std::move(right), roster_rows, run));
  Print(left_file + " x " + right_file, run, Every);
  return Status::Ok();
}

Status Cyrillic(const linkage::LinkSettings& settings, uint64_t seed, int64_t people,
                const std::filesystem::path& folder) {
  scenario::CyrillicScenarioOptions options;
  options.seed = seed;
  options.roster_people = people;
  CANJE_RETURN_IF_ERROR(
      scenario::WriteCyrillicListPair(scenario::GenerateCyrillicListPair(options), folder));
  CANJE_ASSIGN_OR_RETURN(
      linkage::RecordTable roster,
      linkage::LoadRecordTable((folder / "roster.csv").string(), settings.left, settings.file_name));
  CANJE_ASSIGN_OR_RETURN(linkage::RecordTable counterpart,
                         linkage::LoadRecordTable((folder / "counterpart.csv").string(),
                                                  settings.right, settings.file_name));
  CANJE_ASSIGN_OR_RETURN(auto keys,
                         ReadPersonKeys((folder / "truth.csv").string(), "record_id", "person_key"));
  const std::size_t roster_rows = roster.size();
  // Two lists reconciled together, as in a store: each record says which (link_rules.h).
  roster.lists.assign(roster.size(), 1);
  counterpart.lists.assign(counterpart.size(), 2);
  linkage::RecordTable all = Concatenate(std::move(roster), counterpart);
  Run run;
  run.truth = TruePairs(all.ids, keys);
  std::vector<std::string> key_of;
  for (const std::string& id : all.ids) key_of.push_back(keys[id]);
  const std::vector<std::string> ids = all.ids;
  RosterStatusCounts statuses;
  CANJE_RETURN_IF_ERROR(Score(
      settings, std::move(all), std::nullopt, roster_rows, run,
      [&](const linkage::LinkageEngine& engine, const std::vector<linkage::ScoredPair>& pairs,
          const std::vector<uint32_t>& cluster_of, const std::vector<linkage::ScoredPair>& cut) {
        statuses = MeasureNotOnRoster(engine, pairs, cluster_of, cut, roster_rows,
                                      settings.threshold.value_or(0.9), key_of);
      }));
  {  // The pairs found, for a look at the mistakes (truth.csv has every record's person key).
    std::ofstream pairs(folder / "predicted.csv");
    pairs << "left,right,probability,outcome\n";
    for (const auto& [pair, probability, outcome] : run.scored) {
      pairs << pair.first << "," << pair.second << "," << probability << "," << outcome << "\n";
    }
  }
  {  // The entries flagged not on roster whose person is on it.
    std::ofstream alarms(folder / "false_alarms.csv");
    alarms << "record_id\n";
    for (uint32_t row : statuses.false_alarm_rows) alarms << ids[row] << "\n";
  }
  const std::string label = "cyrillic seed " + std::to_string(seed);
  Print(label + ", all pairs", run, Every);
  // Roster ids start with R, counterpart ids with L; a smaller-first pair is (L..., R...).
  Print(label + ", Cyrillic-Latin pairs", run,
        [](const IdPair& pair) { return pair.first[0] != pair.second[0]; });
  std::printf("%-44s entries %llu  held %llu  in_review %llu  flagged %llu  false_alarms %llu "
              "share %.4f  absent %llu (%llu flagged)  without_candidate %llu  "
              "closest_highest %.6f\n",
              (label + ", not on roster").c_str(),
              static_cast<unsigned long long>(statuses.entries),
              static_cast<unsigned long long>(statuses.held),
              static_cast<unsigned long long>(statuses.in_review),
              static_cast<unsigned long long>(statuses.flagged),
              static_cast<unsigned long long>(statuses.false_alarms),
              statuses.flagged == 0 ? 0.0 : double(statuses.false_alarms) / double(statuses.flagged),
              static_cast<unsigned long long>(statuses.truly_absent),
              static_cast<unsigned long long>(statuses.absent_flagged),
              static_cast<unsigned long long>(statuses.flagged_without_candidate),
              statuses.closest_highest);
  return Status::Ok();
}

int Usage() {
  std::cerr << "usage: linkage_accuracy generate NAME SEED DIR\n"
               "       linkage_accuracy febrl SETTINGS FILE\n"
               "       linkage_accuracy files SETTINGS LEFT RIGHT TRUTH\n"
               "       linkage_accuracy cyrillic SETTINGS SEED PEOPLE WORK_DIR\n";
  return 64;
}

}  // namespace
}  // namespace canje::bench

int main(int argc, char** argv) {
  using namespace canje;
  if (argc < 3) return bench::Usage();
  const std::string mode = argv[1];
  if (mode == "generate" && argc == 5) {
    const Status status =
        scenario::WriteScenario({argv[2], std::stoull(argv[3]), 0}, std::filesystem::path(argv[4]));
    if (!status.ok()) std::cerr << status.message() << "\n";
    return status.ok() ? 0 : 1;
  }
  Result<linkage::LinkSettings> settings = linkage::ReadLinkSettingsFile(argv[2]);
  if (!settings.ok()) {
    std::cerr << settings.status().message() << "\n";
    return 65;
  }
  Status status = Status::Ok();
  if (mode == "febrl" && argc == 4) {
    status = bench::Febrl(*settings, argv[3]);
  } else if (mode == "files" && argc == 6) {
    status = bench::Files(*settings, argv[3], argv[4], argv[5]);
  } else if (mode == "cyrillic" && argc == 6) {
    status = bench::Cyrillic(*settings, std::stoull(argv[3]), std::stoll(argv[4]), argv[5]);
  } else {
    return bench::Usage();
  }
  if (!status.ok()) {
    std::cerr << status.message() << "\n";
    return 1;
  }
  return 0;
}
