#include "cli/command_line.h"

#include "cli/admin_commands.h"
#include "cli/agreement_commands.h"
#include "cli/demo_commands.h"
#include "cli/exchange_commands.h"
#include "cli/execution_commands.h"
#include "cli/stage_commands.h"
#include "cli/hold_commands.h"
#include "cli/interview_commands.h"
#include "cli/link_command.h"
#include "cli/log_commands.h"
#include "cli/migrate_command.h"
#include "cli/participant_commands.h"
#include "cli/proposal_commands.h"
#include "cli/protection_commands.h"
#include "cli/reconciliation_commands.h"
#include "cli/reference_command.h"
#include "cli/registry_commands.h"
#include "cli/serve_command.h"
#include "cli/sign_in_commands.h"
#include "cli/solve_command.h"
#include "cli/token_commands.h"
#include "cli/witness_commands.h"
#include "cli/witness_policy_commands.h"
#include "core/status.h"

namespace canje::cli {
namespace {

// What `canje --help` ends with (and canje(1)'s description): the environment and the exit
// statuses, numbered by the one table in core/status.h.
std::string RootFooter() {
  std::string statuses;
  for (auto [code, meaning] : {std::pair{StatusCode::kOk, "ok"},
                               {StatusCode::kUsage, "usage"},
                               {StatusCode::kInvalid, "invalid data"},
                               {StatusCode::kNotFound, "not found (or not yours to see)"},
                               {StatusCode::kUnavailable, "unavailable (retry)"},
                               {StatusCode::kCannotWrite, "cannot write"},
                               {StatusCode::kConflict, "conflict"},
                               {StatusCode::kNotPermitted, "not permitted"},
                               {StatusCode::kInternal, "internal error"}}) {
    statuses +=
        (statuses.empty() ? "" : ", ") + std::to_string(ExitStatusFor(code)) + " " + meaning;
  }
  return "Every command acts as a named user with a party and a role (--as), on one store "
         "(--db), and prints JSON with --json. `canje COMMAND --help` and `man canje-COMMAND` "
         "explain each command.\n\n"
         "Environment: CANJE_DB, CANJE_MASTER_KEY_FILE and CANJE_USER stand in for --db, "
         "--master-key and --as when those are not given.\n\n"
         "Exit status: " +
         statuses + ".";
}

}  // namespace

void DefineCommandLine(CLI::App& app, CommandContext& context) {
  app.fallthrough();
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Help for every command");
  app.add_option("--db", context.global.database,
                 "Store: a SQLite file path or a postgresql:// URL (else CANJE_DB, else "
                 "./canje.db)");
  app.add_option("--master-key", context.global.master_key_file,
                 "Master key file (else CANJE_MASTER_KEY_FILE, else <db>.key; for a URL "
                 "~/.config/canje/<host>_<port>_<database>.key)");
  app.add_option("--as", context.global.user,
                 "Act as this user (else CANJE_USER, else the admin created by init)")
      ->type_name(kUserValue);
  app.add_flag("--json", context.global.json, "Print machine-readable JSON on stdout");
  app.add_flag("--quiet", context.global.quiet, "No progress display");

  AddInitCommand(app, context);
  AddUserCommands(app, context);
  AddTokenCommands(app, context);  // after AddUserCommands: adds `user token`
  AddSignInCommands(app, context);  // after AddUserCommands: `user password` ...
  AddPartyCommands(app, context);
  AddSigningCommands(app, context);  // after AddPartyCommands: adds `party key`
  AddImportCommand(app, context);
  AddListsCommand(app, context);
  AddPersonsCommands(app, context);
  AddExportCommand(app, context);
  AddKeyCommands(app, context);
  AddLogCommands(app, context);
  AddWitnessCommands(app, context);
  AddHoldCommands(app, context);
  AddLegalActCommands(app, context);
  AddInterviewCommands(app, context);
  AddEligibilityCommand(app, context);
  AddSolveCommand(app, context);
  AddExchangeCommands(app, context);
  AddExecutionCommands(app, context);  // after AddExchangeCommands
  AddStageCommands(app, context);      // after AddExchangeCommands
  AddWitnessPolicyCommands(app, context);  // after AddExchangeCommands
  AddParticipantCommands(app, context);    // after AddExchangeCommands
  AddReconciliationCommands(app, *AddLinkCommand(app, context), context);
  AddSummaryCommand(app, context);
  AddScenarioCommands(app, context);
  AddDemoCommand(app, context);
  AddMigrateCommand(app, context);
  AddProposalCommands(app, context);
  AddAgreementCommands(app, context);
  AddServeCommand(app, context);
  AddVersionCommand(app, context);
  app.footer(RootFooter());
  AddReferenceCommand(app, context);
}

}  // namespace canje::cli
