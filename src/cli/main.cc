// The canje command line: parses, calls the core, prints. No rules live here.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/admin_commands.h"
#include "cli/agreement_commands.h"
#include "cli/command.h"
#include "cli/demo_commands.h"
#include "cli/exchange_commands.h"
#include "cli/execution_commands.h"
#include "cli/hold_commands.h"
#include "cli/interview_commands.h"
#include "cli/link_command.h"
#include "cli/reconciliation_commands.h"
#include "cli/log_commands.h"
#include "cli/migrate_command.h"
#include "cli/proposal_commands.h"
#include "cli/protection_commands.h"
#include "cli/registry_commands.h"
#include "cli/serve_command.h"
#include "cli/sign_in_commands.h"
#include "cli/solve_command.h"
#include "cli/token_commands.h"
#include "core/utf8.h"

int main(int argc, char** argv) {
  using canje::cli::CommandContext;
  CommandContext context(std::cout, std::cerr);
  CLI::App app{"canje — a shared, verifiable record for humanitarian exchanges of detainees",
               "canje"};
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
                 "Act as this user (else CANJE_USER, else the admin created by init)");
  app.add_flag("--json", context.global.json, "Print machine-readable JSON on stdout");
  app.add_flag("--quiet", context.global.quiet, "No progress display");

  canje::cli::AddInitCommand(app, context);
  canje::cli::AddUserCommands(app, context);
  canje::cli::AddTokenCommands(app, context);  // after AddUserCommands: adds `user token`
  canje::cli::AddSignInCommands(app, context);  // after AddUserCommands: `user password` ...
  canje::cli::AddPartyCommands(app, context);
  canje::cli::AddSigningCommands(app, context);  // after AddPartyCommands: adds `party key`
  canje::cli::AddImportCommand(app, context);
  canje::cli::AddListsCommand(app, context);
  canje::cli::AddPersonsCommands(app, context);
  canje::cli::AddExportCommand(app, context);
  canje::cli::AddKeyCommands(app, context);
  canje::cli::AddLogCommands(app, context);
  canje::cli::AddWitnessCommands(app, context);
  canje::cli::AddHoldCommands(app, context);
  canje::cli::AddLegalActCommands(app, context);
  canje::cli::AddInterviewCommands(app, context);
  canje::cli::AddEligibilityCommand(app, context);
  canje::cli::AddSolveCommand(app, context);
  canje::cli::AddExchangeCommands(app, context);
  canje::cli::AddExecutionCommands(app, context);  // after AddExchangeCommands
  canje::cli::AddReconciliationCommands(app, *canje::cli::AddLinkCommand(app, context), context);
  canje::cli::AddSummaryCommand(app, context);
  canje::cli::AddScenarioCommands(app, context);
  canje::cli::AddDemoCommand(app, context);
  canje::cli::AddMigrateCommand(app, context);
  canje::cli::AddProposalCommands(app, context);
  canje::cli::AddAgreementCommands(app, context);
  canje::cli::AddServeCommand(app, context);
  canje::cli::AddVersionCommand(app, context);

  // Text is UTF-8 everywhere: an argument that is not (a Latin-1 name, a file name with 0xFF)
  // is refused before anything runs, naming it.
  for (int i = 1; i < argc; ++i) {
    if (size_t bad = canje::FindInvalidUtf8(argv[i]); bad != std::string::npos) {
      std::cerr << "canje: argument " << i << " ('" << canje::QuoteUntrusted(argv[i])
                << "') is not UTF-8 (byte " << bad + 1
                << "); write it in UTF-8, or rename the file it names\n";
      return canje::ExitStatusFor(canje::StatusCode::kUsage);
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "canje: " << e.what() << "\n(see canje --help, or canje COMMAND --help)\n";
    return canje::ExitStatusFor(canje::StatusCode::kUsage);
  } catch (const std::exception& e) {
    // Expected failures are Status values; an exception here is a bug. Say so instead of
    // aborting, and exit with the internal-error status.
    std::cerr << "canje: internal error: " << canje::QuoteUntrusted(e.what(), 400) << '\n';
    return canje::ExitStatusFor(canje::StatusCode::kInternal);
  }
  const canje::Status& outcome = context.outcome();
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "canje: cannot write output\n";
    return canje::ExitStatusFor(canje::StatusCode::kCannotWrite);
  }
  if (!outcome.ok()) std::cerr << "canje: " << outcome.message() << '\n';
  return canje::ExitStatusFor(outcome.code());
}
