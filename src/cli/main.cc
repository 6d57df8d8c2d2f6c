// The canje command line: parses, calls the core, prints. No rules live here.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/command_line.h"

int main(int argc, char** argv) {
  using canje::cli::CommandContext;
  CommandContext context(std::cout, std::cerr);
  if (argc > 0 && argv[0] != nullptr && *argv[0] != '\0') context.program = argv[0];
  CLI::App app{canje::cli::kCanjeDescription, "canje"};
  canje::cli::DefineCommandLine(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "canje: " << e.what() << "\n(see canje --help, or canje COMMAND --help)\n";
    return canje::ExitStatusFor(canje::StatusCode::kUsage);
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
