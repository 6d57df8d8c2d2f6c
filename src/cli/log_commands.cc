#include "cli/log_commands.h"

#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/open_instance.h"
#include "cli/table.h"
#include "instance/transparency_log.h"
#include "ledger/proof_text.h"
#include "witness/witness_state.h"
#include "wire/log_proofs.h"

namespace canje::cli {
namespace {

using nlohmann::json;

Result<std::string> ReadFileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Opens the instance and checks that the user may read the log.
Result<std::unique_ptr<instance::Instance>> OpenForReading(const CommandContext& context) {
  CANJE_ASSIGN_OR_RETURN(auto opened, OpenInstance(context));
  CANJE_RETURN_IF_ERROR(opened->Authorize(instance::Action::kReadRegistry));
  return opened;
}

}  // namespace

void AddLogCommands(CLI::App& app, CommandContext& context) {
  auto* log = app.add_subcommand("log", "The transparency log: checkpoints, entries, proofs");
  log->require_subcommand(1);

  log->add_subcommand("vkey", "The log's verifier key (NAME+KEYID+BASE64)")->callback([&context] {
    auto opened = OpenForReading(context);
    if (!opened.ok()) return context.Finish(opened.status());
    auto vkey = instance::LogVerifierKey((*opened)->store());
    if (vkey.ok()) context.out << *vkey << '\n';
    context.Finish(vkey.status());
  });

  log->add_subcommand("checkpoint", "The latest signed checkpoint with its cosignatures")
      ->callback([&context] {
        auto opened = OpenForReading(context);
        if (!opened.ok()) return context.Finish(opened.status());
        auto note = instance::LatestCheckpointNote((*opened)->store());
        if (note.ok()) context.out << *note;
        context.Finish(note.status());
      });

  auto* entry = log->add_subcommand("entry", "The exact leaf bytes of entry N (0-based)");
  auto entry_index = std::make_shared<int64_t>(0);
  entry->add_option("N", *entry_index, "Entry number")->required();
  entry->callback([&context, entry_index] {
    auto opened = OpenForReading(context);
    if (!opened.ok()) return context.Finish(opened.status());
    auto leaf = instance::EntryLeaf((*opened)->store(), *entry_index);
    if (leaf.ok()) context.out << *leaf;
    context.Finish(leaf.status());
  });

  auto* inclusion = log->add_subcommand(
      "prove-inclusion", "RFC 9162 inclusion proof of entry N: base64 hashes, one per line");
  auto inclusion_index = std::make_shared<int64_t>(0);
  auto inclusion_size = std::make_shared<int64_t>(-1);
  inclusion->add_option("N", *inclusion_index, "Entry number")->required();
  inclusion->add_option("--size", *inclusion_size,
                        "Tree size (default: the latest checkpoint's)");
  inclusion->callback([&context, inclusion_index, inclusion_size] {
    auto opened = OpenForReading(context);
    if (!opened.ok()) return context.Finish(opened.status());
    auto proof = wire::InclusionProofAt((*opened)->store(), *inclusion_index, *inclusion_size);
    if (proof.ok()) context.out << ledger::FormatProof(proof->hashes);
    context.Finish(proof.status());
  });

  auto* consistency = log->add_subcommand(
      "prove-consistency", "RFC 9162 consistency proof from size OLD: base64 hashes per line");
  auto old_size = std::make_shared<int64_t>(0);
  auto new_size = std::make_shared<int64_t>(-1);
  consistency->add_option("OLD", *old_size, "The older tree size")->required();
  consistency->add_option("--size", *new_size, "The newer size (default: latest checkpoint's)");
  consistency->callback([&context, old_size, new_size] {
    auto opened = OpenForReading(context);
    if (!opened.ok()) return context.Finish(opened.status());
    auto proof = wire::ConsistencyProofAt((*opened)->store(), *old_size, *new_size);
    if (proof.ok()) context.out << ledger::FormatProof(proof->hashes);
    context.Finish(proof.status());
  });

  auto* verify = log->add_subcommand(
      "verify", "Recompute every leaf and the tree, check every checkpoint (exit 65 on tamper)");
  auto checkpoint_file = std::make_shared<std::string>();
  verify->add_option("--checkpoint", *checkpoint_file,
                     "Also check that the log extends this earlier signed checkpoint");
  verify->callback([&context, checkpoint_file] {
    auto opened = OpenForReading(context);
    if (!opened.ok()) return context.Finish(opened.status());
    std::optional<std::string> earlier;
    if (!checkpoint_file->empty()) {
      auto text = ReadFileText(*checkpoint_file);
      if (!text.ok()) return context.Finish(text.status());
      earlier = *text;
    }
    auto result = instance::VerifyLog(**opened, earlier);
    if (!result.ok()) return context.Finish(result.status());
    if (context.global.json) {
      context.out << json{{"entries", result->entries},
                          {"checkpoints", result->checkpoints},
                          {"erased_payloads", result->erased_payloads},
                          {"root", Base64Encode(result->root)},
                          {"ok", true}}
                         .dump(2)
                  << '\n';
    } else {
      context.out << "ok: " << result->entries << " entries, " << result->checkpoints
                  << " checkpoints, root " << Base64Encode(result->root);
      if (result->erased_payloads > 0) {
        context.out << " (" << result->erased_payloads << " erased payloads checked by hash)";
      }
      context.out << '\n';
    }
    context.Finish(Status::Ok());
  });

  auto* show = log->add_subcommand("show", "The events, readable");
  auto from = std::make_shared<int64_t>(0);
  auto limit = std::make_shared<int64_t>(100);
  show->add_option("--from", *from, "First entry")->capture_default_str();
  show->add_option("--limit", *limit, "At most this many")->capture_default_str();
  show->callback([&context, from, limit] {
    auto opened = OpenInstance(context);
    if (!opened.ok()) return context.Finish(opened.status());
    auto events = instance::ReadLogEvents(**opened, *from, *limit);
    if (!events.ok()) return context.Finish(events.status());
    if (context.global.json) {
      json out = json::array();
      for (const auto& event : *events) out.push_back(wire::LogEventJson(event));
      context.out << out.dump(2) << '\n';
    } else {
      Table table({"SEQ", "TIME", "ACTOR", "PARTY", "TYPE", "SUBJECTS"});
      for (const auto& event : *events) {
        std::string subjects;
        for (const auto& subject : event.subjects) subjects += (subjects.empty() ? "" : " ") + subject;
        std::string type = event.type;
        if (event.sealed && type != instance::kSealedAssessmentType) type += " (sealed)";
        if (event.erased) type += " (erased)";
        table.AddRow({std::to_string(event.seq), event.time, event.actor, event.party, type,
                      subjects});
      }
      table.Print(context.out);
    }
    context.Finish(Status::Ok());
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
      size_t dash = entries->find('-');
      try {
        options.first = std::stoll(entries->substr(0, dash));
        options.last = dash == std::string::npos ? options.first : std::stoll(entries->substr(dash + 1));
      } catch (const std::exception&) {
        return context.Finish(Status::Usage("--entries must be A-B, such as 0-20"));
      }
    }
    auto opened = OpenForReading(context);
    if (!opened.ok()) return context.Finish(opened.status());
    Status status = instance::WriteBundle(**opened, options);
    if (status.ok() && !context.global.json) {
      context.out << "Wrote evidence bundle to " << *bundle_out << " (see its README.md)\n";
    }
    context.Finish(status);
  });

  auto* add = log->add_subcommand("add-cosignature",
                                  "Attach a witness's cosignature (a cosigned checkpoint note)");
  auto note_file = std::make_shared<std::string>();
  auto witness_key = std::make_shared<std::string>();
  add->add_option("FILE", *note_file, "The cosigned checkpoint the witness wrote")->required();
  add->add_option("--witness-key", *witness_key, "The witness's verifier key")->required();
  add->callback([&context, note_file, witness_key] {
    auto opened = OpenInstance(context);
    if (!opened.ok()) return context.Finish(opened.status());
    Status allowed = (*opened)->Authorize(instance::Action::kManageLog);
    if (!allowed.ok()) return context.Finish(allowed);
    auto note = ReadFileText(*note_file);
    if (!note.ok()) return context.Finish(note.status());
    Status status = instance::AddCosignature(**opened, *note, *witness_key);
    if (status.ok() && !context.global.json) context.out << "Attached the cosignature\n";
    context.Finish(status);
  });
}

void AddWitnessCommands(CLI::App& app, CommandContext& context) {
  auto* witness = app.add_subcommand(
      "witness", "Run a witness: check that a log only grows, and cosign its checkpoints");
  witness->require_subcommand(1);
  auto state = std::make_shared<std::string>();

  auto* init = witness->add_subcommand("init", "Create a witness's key and state folder");
  auto name = std::make_shared<std::string>();
  auto log_key = std::make_shared<std::string>();
  init->add_option("--state", *state, "The witness's own state folder")->required();
  init->add_option("--name", *name, "The witness's key name (e.g. witness.example.org)")
      ->required();
  init->add_option("--log-key", *log_key, "The verifier key of the log to watch")->required();
  init->callback([&context, state, name, log_key] {
    auto vkey = witness::InitWitness(*state, *name, *log_key);
    if (vkey.ok()) context.out << *vkey << '\n';
    context.Finish(vkey.status());
  });

  auto* vkey = witness->add_subcommand("vkey", "The witness's verifier key");
  vkey->add_option("--state", *state, "The witness's state folder")->required();
  vkey->callback([&context, state] {
    auto key = witness::WitnessVerifierKey(*state);
    if (key.ok()) context.out << *key << '\n';
    context.Finish(key.status());
  });

  auto* cosign = witness->add_subcommand(
      "cosign", "Verify a checkpoint and its consistency proof, then cosign (exit 65 on a fork)");
  auto checkpoint = std::make_shared<std::string>();
  auto proof = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  cosign->add_option("--state", *state, "The witness's state folder")->required();
  cosign->add_option("--checkpoint", *checkpoint, "The log's signed checkpoint")->required();
  cosign->add_option("--proof", *proof,
                     "Consistency proof from the size cosigned last (empty file the first time)")
      ->required();
  cosign->add_option("--out", *out, "Write the cosigned checkpoint here (default: stdout)");
  cosign->callback([&context, state, checkpoint, proof, out] {
    auto note = ReadFileText(*checkpoint);
    if (!note.ok()) return context.Finish(note.status());
    auto proof_text = ReadFileText(*proof);
    if (!proof_text.ok()) return context.Finish(proof_text.status());
    auto outcome = witness::Cosign(*state, *note, *proof_text,
                                   static_cast<uint64_t>(std::time(nullptr)));
    if (!outcome.ok()) return context.Finish(outcome.status());
    if (out->empty()) {
      context.out << outcome->cosigned_note;
    } else {
      std::ofstream file(*out, std::ios::binary | std::ios::trunc);
      file << outcome->cosigned_note;
      if (!file) return context.Finish(Status::CannotWrite("cannot write " + *out));
    }
    context.Finish(Status::Ok());
  });
}

}  // namespace canje::cli
