// How a command-line command is written.
//
// Each command group lives in its own file (party_commands.cc, import_command.cc, ...) and
// exposes one function `void AddXxxCommands(CLI::App& app, CommandContext& context)` that adds
// its subcommands to `app`. A subcommand's callback parses nothing itself beyond its own flags,
// calls the core, prints, and reports its outcome with `context.Finish(status)`:
//
//   void AddPartyCommands(CLI::App& app, CommandContext& context) {
//     auto* party = app.add_subcommand("party", "Parties to an exchange");
//     auto* add = party->add_subcommand("add", "Add a party");
//     auto options = std::make_shared<PartyAddOptions>();
//     add->add_option("CODE", options->code, "...")->required();
//     add->callback([&context, options] { context.Finish(RunPartyAdd(context, *options)); });
//   }
//
// main.cc turns the final Status into its exit status (docs/principles.md) and prints the
// message as "canje: <message>" on stderr. Global options (--db, --as, --master-key, --json)
// are in context.global and may be given before or after the subcommand.
#pragma once

#include <iosfwd>
#include <string>

#include "core/status.h"

namespace canje::cli {

// Value names for options whose value names something in the store, set with
// `->type_name(kPartyValue)`: `--help` and the manual show them, and the bash completion offers
// the store's party codes or user names for them (cli/bash_completion.h).
inline constexpr const char* kPartyValue = "PARTY";  // a party code: VEN, ICRC
inline constexpr const char* kUserValue = "USER";    // a user name: ana

struct GlobalOptions {
  std::string database;         // --db, else CANJE_DB, else ./canje.db
  std::string master_key_file;  // --master-key, else CANJE_MASTER_KEY_FILE, else <db>.key
  std::string user;             // --as, else CANJE_USER, else the admin created by init
  bool json = false;            // --json: machine-readable output on stdout
  bool quiet = false;           // --quiet: no progress display
};

class CommandContext {
 public:
  GlobalOptions global;
  std::ostream& out;  // data and results
  std::ostream& err;  // progress, warnings
  // How canje was started (argv[0]: "canje", "build/canje"), so that a command suggested in the
  // output runs as printed.
  std::string program = "canje";

  CommandContext(std::ostream& out_stream, std::ostream& err_stream)
      : out(out_stream), err(err_stream) {}

  void Finish(Status status) { outcome_ = std::move(status); }
  const Status& outcome() const { return outcome_; }

  // The database path or URL after applying the defaults above.
  std::string DatabasePath() const;
  std::string MasterKeyPath() const;
  // True when stderr is a terminal and --quiet was not given (progress bars are shown).
  bool ShowProgress() const;

 private:
  Status outcome_;
};

}  // namespace canje::cli
