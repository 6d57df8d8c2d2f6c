// The canje command line: parses, calls the core, prints. No rules live here.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/command_line.h"
#include "core/utf8.h"

int main(int argc, char** argv) {
  using canje::cli::CommandContext;
  CommandContext context(std::cout, std::cerr);
  if (argc > 0 && argv[0] != nullptr && *argv[0] != '\0') context.program = argv[0];
  CLI::App app{canje::cli::kCanjeDescription, "canje"};
  canje::cli::DefineCommandLine(app, context);

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
