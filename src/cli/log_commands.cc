#include "cli/log_commands.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

#include "cli/agreement_commands.h"
#include "cli/list_output.h"
#include "cli/open_instance.h"
#include "instance/log_reads.h"
#include "instance/log_tiles.h"
#include "instance/log_witnesses.h"
#include "instance/transparency_log.h"
#include "instance/witness_submission.h"
#include "ledger/proof_text.h"
#include "server/witness_client.h"
#include "wire/log_proofs.h"
#include "wire/witness_json.h"

namespace canje::cli {

using nlohmann::json;

namespace {

// `canje log prove-inclusion|prove-consistency`: the proof `prove` gives for (a, b), one base64
// hash a line.
void PrintProof(CommandContext& context,
                Result<instance::LogProof> (*prove)(instance::Instance&, int64_t, int64_t),
                int64_t a, int64_t b) {
  FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
    CANJE_ASSIGN_OR_RETURN(instance::LogProof proof, prove(opened, a, b));
    context.out << ledger::FormatProof(proof.hashes);
    return Status::Ok();
  });
}

}  // namespace

void AddLogCommands(CLI::App& app, CommandContext& context) {
  auto* log = app.add_subcommand("log", "The transparency log: checkpoints, entries, proofs");
  log->require_subcommand(1);

  log->add_subcommand("vkey", "The log's verifier key (NAME+KEYID+BASE64)")->callback([&context] {
    FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
      CANJE_ASSIGN_OR_RETURN(std::string vkey, instance::ReadVerifierKey(opened));
      context.out << vkey << '\n';
      return Status::Ok();
    });
  });

  log->add_subcommand("checkpoint", "The latest signed checkpoint with its cosignatures")
      ->callback([&context] {
        FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
          CANJE_ASSIGN_OR_RETURN(std::string note, instance::ReadLatestCheckpoint(opened));
          context.out << note;
          return Status::Ok();
        });
      });

  auto* entry = log->add_subcommand("entry", "The exact leaf bytes of entry N (0-based)");
  auto entry_index = std::make_shared<int64_t>(0);
  entry->add_option("N", *entry_index, "Entry number")->required();
  entry->callback([&context, entry_index] {
    FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
      CANJE_ASSIGN_OR_RETURN(std::string leaf, instance::ReadEntry(opened, *entry_index));
      context.out << leaf;
      return Status::Ok();
    });
  });

  auto* inclusion = log->add_subcommand(
      "prove-inclusion", "RFC 9162 inclusion proof of entry N: base64 hashes, one per line");
  auto inclusion_index = std::make_shared<int64_t>(0);
  auto inclusion_size = std::make_shared<int64_t>(-1);
  inclusion->add_option("N", *inclusion_index, "Entry number")->required();
  inclusion->add_option("--size", *inclusion_size,
                        "Tree size (default: the latest checkpoint's)");
  inclusion->callback([&context, inclusion_index, inclusion_size] {
    PrintProof(context, instance::ProveInclusion, *inclusion_index, *inclusion_size);
  });

  auto* consistency = log->add_subcommand(
      "prove-consistency", "RFC 9162 consistency proof from size OLD: base64 hashes per line");
  auto old_size = std::make_shared<int64_t>(0);
  auto new_size = std::make_shared<int64_t>(-1);
  consistency->add_option("OLD", *old_size, "The older tree size")->required();
  consistency->add_option("--size", *new_size, "The newer size (default: latest checkpoint's)");
  consistency->callback([&context, old_size, new_size] {
    PrintProof(context, instance::ProveConsistency, *old_size, *new_size);
  });

  auto* verify = log->add_subcommand(
      "verify", "Recompute every leaf and the tree, check every checkpoint (exit 65 on tamper)");
  auto checkpoint_file = std::make_shared<std::string>();
  verify->add_option("--checkpoint", *checkpoint_file,
                     "Also check that the log extends this earlier signed checkpoint");
  verify->callback([&context, checkpoint_file] {
    FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
      std::optional<std::string> earlier;
      if (!checkpoint_file->empty()) {
        CANJE_ASSIGN_OR_RETURN(auto text, ReadInputFile(*checkpoint_file));
        earlier = text;
      }
      CANJE_ASSIGN_OR_RETURN(auto result, instance::VerifyLog(opened, earlier));
      if (context.global.json) {
        context.out << wire::LogVerificationJson(result).dump(2) << '\n';
      } else {
        context.out << "ok: " << result.entries << " entries, " << result.checkpoints
                    << " checkpoints, root " << Base64Encode(result.root);
        if (result.erased_payloads > 0) {
          context.out << " (" << result.erased_payloads << " erased payloads checked by hash)";
        }
        context.out << '\n';
      }
      return Status::Ok();
    });
  });

  auto* show = log->add_subcommand("show", "The events, readable");
  auto from = std::make_shared<int64_t>(0);
  auto limit = std::make_shared<int64_t>(100);
  show->add_option("--from", *from, "First entry")->capture_default_str();
  show->add_option("--limit", *limit, "At most this many")->capture_default_str();
  show->callback([&context, from, limit] {
    FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
      CANJE_ASSIGN_OR_RETURN(auto events, instance::ReadLogEvents(opened, *from, *limit));
      PrintRows(
          context, events, [](const auto& event) { return wire::LogEventJson(event); },
          {"SEQ", "TIME", "ACTOR", "PARTY", "TYPE", "SUBJECTS"},
          [](Table& table, const auto& event) {
            std::string subjects;
            for (const auto& subject : event.subjects) {
              subjects += (subjects.empty() ? "" : " ") + subject;
            }
            std::string type = event.type;
            if (event.sealed && type != instance::kSealedAssessmentType) type += " (sealed)";
            if (event.erased) type += " (erased)";
            table.AddRow(
                {std::to_string(event.seq), event.time, event.actor, event.party, type, subjects});
          });
      return Status::Ok();
    });
  });

  auto* bundle = log->add_subcommand(
      "bundle", "Write an evidence bundle: checkpoint, entries, inclusion proofs, README");
  auto bundle_out = std::make_shared<std::string>();
  auto entries = std::make_shared<std::string>();
  bundle->add_option("--out", *bundle_out, "Folder to write")->required();
  bundle->add_option("--entries", *entries, "A-B: entries A to B (default: all)");
  bundle->callback([&context, bundle_out, entries] {
    instance::BundleOptions options;
    options.out = *bundle_out;
    if (!entries->empty()) {
      auto range = instance::ParseEntryRange(*entries);
      if (!range.ok()) return context.Finish(range.status());
      std::tie(options.first, options.last) = *range;
    }
    FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
      Status status = instance::WriteBundle(opened, options);
      if (status.ok() && !context.global.json) {
        context.out << "Wrote evidence bundle to " << *bundle_out << " (see its README.md)\n";
      }
      return status;
    });
  });

  auto* add = log->add_subcommand("add-cosignature",
                                  "Attach a witness's cosignature (a cosigned checkpoint note)");
  auto note_file = std::make_shared<std::string>();
  auto witness_key = std::make_shared<std::string>();
  add->add_option("FILE", *note_file, "The cosigned checkpoint the witness wrote")->required();
  add->add_option("--witness-key", *witness_key, "The witness's verifier key")->required();
  add->callback([&context, note_file, witness_key] {
    FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
      CANJE_ASSIGN_OR_RETURN(auto note, ReadInputFile(*note_file));
      Status status = instance::AddCosignature(opened, note, *witness_key);
      if (status.ok() && !context.global.json) context.out << "Attached the cosignature\n";
      return status;
    });
  });

  auto* push = log->add_subcommand(
      "push", "Send the latest checkpoint to every registered witness now (exit 69 if one fails)");
  auto timeout_ms = std::make_shared<int>(10000);
  push->add_option("--timeout-ms", *timeout_ms, "Give up on a witness after this long")
      ->capture_default_str();
  push->callback([&context, timeout_ms] {
    context.Finish([&]() -> Status {
      CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
      CANJE_ASSIGN_OR_RETURN(
          auto reports,
          instance::SubmitToWitnesses(
              *instance, server::HttpWitnessPoster(std::chrono::milliseconds(*timeout_ms))));
      int failed = 0;
      json out = json::array();
      for (const auto& report : reports) {
        failed += report.ok() ? 0 : 1;
        if (context.global.json) {
          out.push_back(wire::SubmissionReportJson(report));
        } else if (report.ok()) {
          context.out << report.witness << ": cosigned size " << report.cosigned_size
                      << (report.up_to_date ? " (already)" : "") << '\n';
        } else {
          context.out << report.witness << ": not cosigned: " << report.problem << '\n';
        }
      }
      if (context.global.json) context.out << out.dump(2) << '\n';
      if (reports.empty() && !context.global.json) {
        context.out << "No witness is registered (canje witness add)\n";
      }
      if (failed > 0) {
        return Status::Unavailable(std::to_string(failed) + " of " +
                                   std::to_string(reports.size()) +
                                   " witnesses did not cosign the latest checkpoint");
      }
      return Status::Ok();
    }());
  });

  auto* export_tiles = log->add_subcommand(
      "export-tiles", "Write the checkpoint, tiles and entry bundles (C2SP tlog-tiles) as files");
  auto export_out = std::make_shared<std::string>();
  export_tiles->add_option("--out", *export_out, "Folder to write (serve it at the log's prefix)")
      ->required();
  export_tiles->callback([&context, export_out] {
    context.Finish([&]() -> Status {
      CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
      CANJE_ASSIGN_OR_RETURN(instance::TileExport exported,
                             instance::ExportTiles(*instance, *export_out));
      if (context.global.json) {
        context.out << json{{"tree_size", exported.tree_size}, {"files", exported.files}}.dump(2)
                    << '\n';
      } else {
        context.out << "Wrote " << exported.files << " files for the tree of size "
                    << exported.tree_size << " to " << *export_out << '\n';
      }
      return Status::Ok();
    }());
  });

  auto* reading = log->add_subcommand(
      "reading",
      "Who may read the tiles: 'token' (users with a token) or 'open' (also anyone holding the "
      "verifier key, at /log/public/<SHA-256 of the key>/); no argument: show");
  auto mode = std::make_shared<std::string>();
  reading->add_option("MODE", *mode, "open or token (admin)");
  reading->callback([&context, mode] {
    context.Finish([&]() -> Status {
      if (!mode->empty() && *mode != "open" && *mode != "token") {
        return Status::Usage("log reading '" + *mode + "': give open or token");
      }
      CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
      CANJE_ASSIGN_OR_RETURN(instance::LogReading state,
                             mode->empty() ? instance::LogReadingState(*instance)
                                           : instance::SetLogReading(*instance, *mode == "open"));
      const std::string prefix =
          state.open ? "/log/public/" + state.capability + "/" : std::string();
      if (context.global.json) {
        context.out << json{{"reading", state.open ? "open" : "token"}, {"public_prefix", prefix}}
                           .dump(2)
                    << '\n';
      } else if (state.open) {
        context.out << "open: also served without a token at " << prefix << '\n';
      } else {
        context.out << "token: the tiles are served at /log/ to users with a token only\n";
      }
      return Status::Ok();
    }());
  });
}

}  // namespace canje::cli
