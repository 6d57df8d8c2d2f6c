#include "cli/protection_commands.h"

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/open_instance.h"
#include "cli/secret_input.h"
#include "instance/ids.h"
#include "instance/key_management.h"
#include "core/clock.h"
#include "negotiation/person_erasure.h"
#include "wire/instance_json.h"

namespace canje::cli {
namespace {

// The passphrase: from --passphrase-file, else CANJE_PASSPHRASE, else asked on the terminal.
Result<std::string> ReadPassphrase(const std::string& file, bool confirm) {
  return ReadSecret(file, "CANJE_PASSPHRASE", "passphrase", "--passphrase-file", confirm);
}

}  // namespace

void AddEraseCommand(CLI::App& person_command, CommandContext& context) {
  auto* erase = person_command.add_subcommand(
      "erase", "Erase a person: destroy their keys so their data can never be read again");
  auto id = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  erase->add_option("ID", *id, "The person's id (P17)")->required();
  erase->add_option("--reason", *reason, "Why (logged)")->required();
  erase->callback([&context, id, reason] {
    FinishWithInstance(
        context, instance::ParseId(*id, 'P', "person"),
        [&](instance::Instance& opened, const auto& person_id) -> Status {
          CANJE_ASSIGN_OR_RETURN(auto report, negotiation::ErasePersonUnlessInUse(
                                                  opened, person_id, *reason, TodayIso()));
          if (context.global.json) {
            context.out << wire::ErasureJson(report).dump(2) << '\n';
          } else {
            context.out << "Erased " << instance::PersonId(report.person_id)
                        << ": keys of the person, " << report.records << " list record(s) and "
                        << report.events << " event payload(s) destroyed; logged as event "
                        << report.event_seq << ". Backups made before now still hold the data.\n";
          }
          return Status::Ok();
        });
  });
}

void AddKeyCommands(CLI::App& app, CommandContext& context) {
  auto* key = app.add_subcommand("key", "The master key: backup, restore, rotation");
  key->require_subcommand(1);
  auto passphrase_file = std::make_shared<std::string>();

  auto* backup = key->add_subcommand(
      "backup", "Write the master key sealed under a passphrase (scrypt + AES-256-GCM)");
  auto out = std::make_shared<std::string>();
  backup->add_option("--out", *out, "The backup file to write")->required();
  backup->add_option("--passphrase-file", *passphrase_file,
                     "Read the passphrase from this file (else CANJE_PASSPHRASE, else asked)");
  backup->callback([&context, out, passphrase_file] {
    FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
      Status status = instance::BackupMasterKey(
          opened, [&] { return ReadPassphrase(*passphrase_file, true); }, *out);
      if (status.ok() && !context.global.json) {
        context.out << "Wrote key backup " << *out
                    << "; keep it apart from the database, and the passphrase apart from both\n";
      }
      return status;
    });
  });

  auto* restore = key->add_subcommand(
      "restore", "Recreate the master key file (--master-key) from a backup");
  auto from = std::make_shared<std::string>();
  restore->add_option("--from", *from, "The backup file")->required();
  restore->add_option("--passphrase-file", *passphrase_file, "Read the passphrase from this file");
  restore->callback([&context, from, passphrase_file] {
    auto passphrase = ReadPassphrase(*passphrase_file, false);
    if (!passphrase.ok()) return context.Finish(passphrase.status());
    instance::OpenOptions options{context.DatabasePath(), context.MasterKeyPath(),
                                  context.global.user};
    if (options.user.empty()) {
      if (const char* env = std::getenv("CANJE_USER"); env != nullptr) options.user = env;
    }
    Status status = instance::RestoreMasterKey(options, *from, *passphrase);
    if (status.ok() && !context.global.json) {
      context.out << "Restored master key to " << options.master_key_file << '\n';
    }
    context.Finish(status);
  });

  auto* rotate = key->add_subcommand(
      "rotate", "Re-wrap every data key under a new master key (resumes if interrupted)");
  rotate->callback([&context] {
    FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
      CANJE_ASSIGN_OR_RETURN(auto report,
                             instance::RotateMasterKey(opened, context.MasterKeyPath()));
      if (context.global.json) {
        context.out << wire::KeyRotationJson(report).dump(2) << '\n';
      } else {
        context.out << (report.resumed ? "Completed the interrupted rotation" : "Rotated")
                    << " from master key " << report.old_key_id << " to " << report.new_key_id
                    << ": " << report.rewrapped << " data keys re-wrapped. Make a new backup with "
                    << "`canje key backup`; old backups open only data not yet rotated.\n";
      }
      return Status::Ok();
    });
  });
}

}  // namespace canje::cli
