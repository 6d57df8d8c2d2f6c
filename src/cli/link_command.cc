#include "cli/link_command.h"

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "core/atomic_file.h"
#include "core/csv_writer.h"
#include "cli/pair_explanation_output.h"
#include "cli/reconciliation_commands.h"
#include "linkage/linkage_engine.h"
#include "linkage/record_table.h"
#include "wire/review_json.h"

namespace canje::cli {
namespace {

struct LinkFlags {
  std::string settings_file;
  std::vector<std::string> files;
  std::string out;
  std::string clusters;
  std::optional<double> threshold;
  std::vector<std::string> explain;
  int threads = 0;
  std::size_t refine_above = linkage::kDefaultRefineAbove;
};


// A CSV field as canje writes every CSV (core/csv_writer.h).
std::string CsvField(const std::string& value) {
  std::string field;
  AppendCsvField(value, field);
  return field;
}

Status RunLink(CommandContext& context, const LinkFlags& flags) {
  if (flags.files.empty() || flags.files.size() > 2) {
    return Status::Usage("give one file (de-duplication) or two (linkage)");
  }
  if (flags.threshold && (*flags.threshold < 0 || *flags.threshold > 1)) {
    return Status::Usage("--threshold must be from 0 to 1");
  }
  if (!flags.explain.empty() && flags.explain.size() != 2) {
    return Status::Usage("--explain takes two record ids: ID1 (from FILE) and ID2");
  }
  const auto start = std::chrono::steady_clock::now();
  CANJE_ASSIGN_OR_RETURN(linkage::LinkSettings settings,
                         linkage::ReadLinkSettingsFile(flags.settings_file));
  const int threads = flags.threads > 0
                          ? flags.threads
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  CANJE_ASSIGN_OR_RETURN(
      linkage::RecordTable left,
      linkage::LoadRecordTable(flags.files[0], settings.left, flags.settings_file, threads));
  std::optional<linkage::RecordTable> right;
  if (flags.files.size() == 2) {
    CANJE_ASSIGN_OR_RETURN(right, linkage::LoadRecordTable(flags.files[1], settings.right,
                                                           flags.settings_file, threads));
  }
  const int64_t unparsed_dates = left.unparsed_dates + (right ? right->unparsed_dates : 0);
  linkage::LinkOptions options;
  options.threads = threads;
  options.refine_above = flags.refine_above;
  CANJE_ASSIGN_OR_RETURN(
      linkage::LinkageEngine engine,
      linkage::LinkageEngine::Create(settings, std::move(left), std::move(right), options));
  // Reading, preparing and counting the names (in Create).
  const double prepare_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  engine.mutable_statistics().prepare_seconds = prepare_seconds;

  std::optional<std::pair<uint32_t, uint32_t>> explain_pair;
  if (!flags.explain.empty()) {
    const std::optional<uint32_t> first = engine.FindRecord(flags.explain[0], false);
    if (!first)
      return Status::NotFound("--explain: no record '" + flags.explain[0] + "' in " +
                              flags.files[0]);
    const std::optional<uint32_t> second = engine.FindRecord(flags.explain[1], engine.linkage());
    if (!second) {
      return Status::NotFound("--explain: no record '" + flags.explain[1] + "' in " +
                              flags.files.back());
    }
    explain_pair.emplace(*first, *second);
  }

  const double threshold =
      flags.threshold.value_or(settings.threshold.value_or(linkage::kDefaultLinkThreshold));
  engine.Train();
  const std::vector<linkage::ScoredPair> pairs = engine.ScorePairs(threshold);

  AtomicFileWriter pairs_file(flags.out, {.mode = 0666});
  CANJE_RETURN_IF_ERROR(pairs_file.Open());
  {
    std::ostream& out = pairs_file.stream();
    out << "left_id,right_id,probability\n";
    for (const linkage::ScoredPair& pair : pairs) {
      out << CsvField(engine.RecordId(pair.left)) << ',' << CsvField(engine.RecordId(pair.right))
          << ',' << Decimal(pair.probability) << '\n';
    }
  }
  std::unique_ptr<AtomicFileWriter> clusters_file;
  std::size_t cluster_count = 0;
  if (!flags.clusters.empty()) {
    const std::vector<uint32_t> clusters = engine.Cluster(pairs, threshold);
    clusters_file =
        std::make_unique<AtomicFileWriter>(flags.clusters, AtomicFileOptions{.mode = 0666});
    CANJE_RETURN_IF_ERROR(clusters_file->Open());
    std::ostream& out = clusters_file->stream();
    out << "record_id,cluster_id\n";
    for (uint32_t g = 0; g < clusters.size(); ++g) {
      out << CsvField(engine.RecordId(g)) << ',' << clusters[g] << '\n';
      cluster_count = std::max<std::size_t>(cluster_count, clusters[g]);
    }
  }
  CANJE_RETURN_IF_ERROR(pairs_file.Commit());
  if (clusters_file) CANJE_RETURN_IF_ERROR(clusters_file->Commit());

  const linkage::LinkStatistics& statistics = engine.statistics();
  const double total_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (unparsed_dates > 0) {
    context.err << "canje: warning: " << unparsed_dates
                << " date(s) could not be read and count as missing\n";
  }
  if (context.global.json) {
    nlohmann::json rules = nlohmann::json::array();
    for (const linkage::BlockingRuleStats& rule : statistics.rules) {
      rules.push_back({{"rule", rule.rule},
                       {"pairs", rule.pairs},
                       {"blocks", rule.blocks},
                       {"skipped_blocks", rule.skipped_blocks},
                       {"skipped_pairs", rule.skipped_pairs},
                       {"refined_records", rule.refined_records}});
    }
    nlohmann::json result = {{"records", engine.record_count()},
                             {"mode", engine.linkage() ? "linkage" : "deduplication"},
                             {"threshold", threshold},
                             {"blocking", rules},
                             {"candidate_pairs", statistics.candidate_pairs},
                             {"pairs_written", pairs.size()},
                             {"uncertain_pairs", statistics.uncertain_pairs},
                             {"prior", engine.model().prior()},
                             {"em_iterations", statistics.em_iterations},
                             {"unparsed_dates", unparsed_dates},
                             {"seconds", total_seconds},
                             {"prepare_seconds", statistics.prepare_seconds},
                             {"train_seconds", statistics.train_seconds},
                             {"score_seconds", statistics.score_seconds},
                             {"cluster_seconds", statistics.cluster_seconds}};
    if (!flags.clusters.empty()) result["clusters"] = cluster_count;
    if (explain_pair) {
      result["explanation"] =
          wire::ExplanationJson(engine.Explain(explain_pair->first, explain_pair->second));
    }
    context.out << result.dump(2) << '\n';
  } else {
    context.out << (engine.linkage() ? "Linked " : "De-duplicated ") << engine.record_count()
                << " records in " << Decimal(total_seconds, 1) << " s\n";
    for (const linkage::BlockingRuleStats& rule : statistics.rules) {
      context.out << "  blocking " << rule.rule << ": " << rule.pairs << " pairs";
      if (rule.refined_records > 0) {
        context.out << " (" << rule.refined_records << " records' frequent keys refined)";
      }
      if (rule.skipped_blocks > 0) {
        context.out << " (" << rule.skipped_blocks << " oversized blocks skipped, "
                    << rule.skipped_pairs << " pairs)";
      }
      context.out << "\n";
    }
    context.out << "  candidate pairs " << statistics.candidate_pairs << ", at or above "
                << Decimal(threshold, 3) << ": " << pairs.size() << " (written to " << flags.out
                << "), uncertain (probability 0.1-0.9): " << statistics.uncertain_pairs << "\n";
    if (!flags.clusters.empty()) {
      context.out << "  " << cluster_count << " clusters written to " << flags.clusters << "\n";
    }
    if (explain_pair) {
      PrintExplanation(engine.Explain(explain_pair->first, explain_pair->second), context.out);
    }
  }
  return Status::Ok();
}

}  // namespace

CLI::App* AddLinkCommand(CLI::App& app, CommandContext& context) {
  auto* link = app.add_subcommand(
      "link",
      "Reconcile the store's lists into persons (no FILE), or link list files (--settings FILE...)");
  auto flags = std::make_shared<LinkFlags>();
  auto store_flags = std::make_shared<StoreLinkFlags>();
  link->add_option("--settings", flags->settings_file,
                   "Files: settings JSON with the id column, fields and kinds (docs/formats.md)");
  link->add_option("FILE", flags->files,
                   "Files: one CSV file to de-duplicate, or two to link (left_id from the first)")
      ->expected(0, 2);
  link->add_option("--out", flags->out, "Files: pairs CSV: left_id,right_id,probability");
  link->add_option("--clusters", flags->clusters, "Files: clusters CSV: record_id,cluster_id");
  link->add_option("--threshold", flags->threshold,
                   "Lowest probability linked (store: 0.7; files: the settings' threshold, else "
                   "0.9)");
  link->add_option("--review-low", store_flags->review_low,
                   "Store: pairs from this probability (0.2) go to the review queue");
  link->add_option("--review-high", store_flags->review_high,
                   "Store: ... up to this one (0.95), above it they are linked without review");
  link->add_option("--explain", flags->explain,
                   "Files: explain one pair: ID1 (from FILE) and ID2 (from FILE2, or FILE)")
      ->expected(2);
  link->add_option("--threads", flags->threads, "Worker threads (default: all cores)");
  link->add_option("--refine-above", flags->refine_above,
                   "Files: refine the broad name blocking keys held by more than N records (0: "
                   "off, the default; faster on large lists, less accurate at scale: "
                   "docs/benchmarks.md)");
  link->callback([&context, link, flags, store_flags] {
    if (link->get_subcommands().size() > 0) return;  // link status / explain / model
    if (flags->files.empty() && flags->settings_file.empty()) {
      store_flags->threshold = flags->threshold;
      store_flags->threads = flags->threads;
      return context.Finish(RunStoreLink(context, *store_flags));
    }
    if (flags->settings_file.empty() || flags->out.empty() || flags->files.empty()) {
      return context.Finish(Status::Usage(
          "linking files needs --settings S.json, one or two FILEs and --out PAIRS.csv; "
          "without them `canje link` reconciles the store"));
    }
    context.Finish(RunLink(context, *flags));
  });
  return link;
}

}  // namespace canje::cli
