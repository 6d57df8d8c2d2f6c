#include "cli/witness_commands.h"

#include <ctime>
#include <nlohmann/json.hpp>

#include "cli/agreement_commands.h"
#include "cli/list_output.h"
#include "cli/open_instance.h"
#include "cli/serve_command.h"
#include "cli/table.h"
#include "core/json_array.h"
#include "instance/log_witnesses.h"
#include "server/witness_service.h"
#include "wire/witness_json.h"
#include "witness/witness_state.h"

namespace canje::cli {
namespace {

using nlohmann::json;

struct WitnessServeOptions {
  std::string state;
  std::string listen = "127.0.0.1:8421";
  double rate = 10;
  double burst = 20;
  int threads = 2;
};

Status RunWitnessServe(CommandContext& context, const WitnessServeOptions& options) {
  std::ostream& err = context.err;
  CANJE_ASSIGN_OR_RETURN(auto service,
                         server::WitnessService::Create({options.state, options.rate, options.burst,
                                                         [&err](const std::string& line) {
                                                           err << "canje witness serve: " << line
                                                               << std::endl;
                                                         }}));
  // A checkpoint, its signatures and 63 proof lines fit in far less than 64 KiB.
  return ServeHttp(context, "canje witness serve", {options.listen, options.threads, 64 * 1024},
                   *service, [&]() -> Status {
                     CANJE_ASSIGN_OR_RETURN(int64_t size, witness::CosignedSize(options.state));
                     context.err << "canje witness serve: " << options.state << ", cosigned size "
                                 << size << " so far; stop with Ctrl-C or SIGTERM" << std::endl;
                     return Status::Ok();
                   });
}

// The witness's own side: a state folder on the witness's machine, no store.
void AddWitnessSideCommands(CLI::App* witness, CommandContext& context) {
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
  cosign
      ->add_option("--proof", *proof,
                   "Consistency proof from the size cosigned last (empty file the first time)")
      ->required();
  cosign->add_option("--out", *out, "Write the cosigned checkpoint here (default: stdout)");
  cosign->callback([&context, state, checkpoint, proof, out] {
    auto note = ReadInputFile(*checkpoint);
    if (!note.ok()) return context.Finish(note.status());
    auto proof_text = ReadInputFile(*proof);
    if (!proof_text.ok()) return context.Finish(proof_text.status());
    auto outcome =
        witness::Cosign(*state, *note, *proof_text, static_cast<uint64_t>(std::time(nullptr)));
    if (!outcome.ok()) return context.Finish(outcome.status());
    if (!out->empty()) return context.Finish(WriteOutputFile(*out, outcome->cosigned_note));
    context.out << outcome->cosigned_note;
    context.Finish(Status::Ok());
  });

  auto* serve = witness->add_subcommand(
      "serve", "Serve C2SP tlog-witness: POST /add-checkpoint cosigns what extends the log");
  auto options = std::make_shared<WitnessServeOptions>();
  serve->add_option("--state", options->state, "The witness's state folder")->required();
  serve->add_option("--listen", options->listen, "ADDRESS:PORT (port 0: any free port)")
      ->capture_default_str();
  serve->add_option("--rate", options->rate, "Requests per second allowed, on average")
      ->capture_default_str();
  serve->add_option("--burst", options->burst, "Requests allowed at once above the rate")
      ->capture_default_str();
  serve->add_option("--threads", options->threads, "Worker threads (1-64)")->capture_default_str();
  serve->callback([&context, options] { context.Finish(RunWitnessServe(context, *options)); });
}

// The log's side: which witnesses the store's log sends its checkpoints to.
void AddLogSideCommands(CLI::App* witness, CommandContext& context) {
  auto* add = witness->add_subcommand(
      "add", "Admin: register a witness the log sends every new checkpoint to");
  auto add_options = std::make_shared<std::vector<std::string>>(3);  // key, url, party
  add->add_option("VKEY", (*add_options)[0],
                  "The witness's verifier key (it prints it: canje witness vkey)")
      ->required();
  add->add_option("URL", (*add_options)[1],
                  "Its submission prefix: http://HOST:PORT[/PATH] (POST URL/add-checkpoint)")
      ->required();
  add->add_option("--party", (*add_options)[2], "The party that runs it");
  add->callback([&context, add_options] {
    context.Finish([&]() -> Status {
      CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
      CANJE_ASSIGN_OR_RETURN(store::WitnessRow row,
                             instance::RegisterWitness(*instance, (*add_options)[0],
                                                       (*add_options)[1], (*add_options)[2]));
      if (context.global.json) {
        context.out << wire::WitnessStatusJson({row, 0, ""}).dump(2) << '\n';
      } else {
        context.out << "Registered witness " << row.name << " at " << row.url
                    << "; `canje serve` sends it every new checkpoint (or run `canje log push`)\n";
      }
      return Status::Ok();
    }());
  });

  AddListCommand(
      *witness, context, "list", "The registered witnesses and how far they cosigned",
      instance::ListWitnesses, [](const auto& status) { return wire::WitnessStatusJson(status); },
      {"NAME", "URL", "PARTY", "COSIGNED", "AT"},
      [](Table& table, const auto& status) {
        table.AddRow({status.witness.name, status.witness.url, status.witness.party,
                      std::to_string(status.cosigned_size), status.cosigned_at});
      });

  auto* remove = witness->add_subcommand("remove", "Admin: stop sending checkpoints to a witness");
  auto name = std::make_shared<std::string>();
  remove->add_option("NAME", *name, "The witness's key name")->required();
  remove->callback([&context, name] {
    context.Finish([&]() -> Status {
      CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
      CANJE_RETURN_IF_ERROR(instance::RemoveWitness(*instance, *name));
      if (!context.global.json) context.out << "Removed witness " << *name << '\n';
      return Status::Ok();
    }());
  });
}

}  // namespace

void AddWitnessCommands(CLI::App& app, CommandContext& context) {
  auto* witness = app.add_subcommand(
      "witness",
      "Witnesses: run one (init, vkey, cosign, serve: a state folder, no store) or register "
      "the log's (add, list, remove)");
  witness->require_subcommand(1);
  AddWitnessSideCommands(witness, context);
  AddLogSideCommands(witness, context);
}

}  // namespace canje::cli
