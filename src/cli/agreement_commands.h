// Signing keys and signed agreements on the command line:
//   canje party key add CODE --pem FILE    enrol a party's Ed25519 public key
//   canje party key list [CODE]
//   canje sign --key FILE --manifest FILE [--out FILE]         offline: no store needed
//   canje verify-signature --key FILE --manifest FILE --signature FILE   offline
//   canje agreement sign-add V --party C --signature FILE
//   canje agreement verify V
//   canje exchange state X1 | advance X1 --to S | collapse X1 --reason TEXT   (the workflow)
// Signature files are the raw 64 bytes of the Ed25519 signature (negotiation/signature.h).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "cli/command.h"
#include "core/encoding.h"

namespace canje::cli {

// Adds `key add` / `key list` under the existing `party` command (AddPartyCommands first),
// and the top-level `sign` and `verify-signature`.
void AddSigningCommands(CLI::App& app, CommandContext& context);
// Adds `agreement sign-add` and `agreement verify`, and `state`, `advance` and `collapse` under
// the existing `exchange` command (AddExchangeCommands first).
void AddAgreementCommands(CLI::App& app, CommandContext& context);

// A whole file's bytes; kNotFound naming the file when it cannot be read.
Result<std::string> ReadInputFile(const std::string& path);
// Writes `content` as the whole of `path`, atomically (core/atomic_file.h), with the permissions
// the user's umask gives; kCannotWrite naming the file on failure.
Status WriteOutputFile(const std::string& path, std::string_view content);

}  // namespace canje::cli
