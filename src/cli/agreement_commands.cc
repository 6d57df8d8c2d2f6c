#include "cli/agreement_commands.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/open_instance.h"
#include "cli/table.h"
#include "core/atomic_file.h"
#include "core/digest.h"
#include "core/json_array.h"
#include "negotiation/agreement.h"
#include "negotiation/exchange.h"
#include "negotiation/proposal_actions.h"
#include "negotiation/signature.h"
#include "negotiation/signature_keys.h"
#include "negotiation/witness_policy.h"
#include "negotiation/workflow_actions.h"
#include "wire/agreement_json.h"

namespace canje::cli {
namespace {

using nlohmann::json;

std::string OpensslCheckCommand(const std::string& public_pem, const std::string& manifest,
                                const std::string& signature) {
  return "openssl pkeyutl -verify -pubin -inkey " + public_pem + " -rawin -in " + manifest +
         " -sigfile " + signature;
}

struct SignOptions {
  std::string key;
  std::string manifest;
  std::string out;
};

Status RunSign(CommandContext& context, const SignOptions& options) {
  CANJE_ASSIGN_OR_RETURN(std::string private_pem, ReadInputFile(options.key));
  CANJE_ASSIGN_OR_RETURN(std::string manifest, ReadInputFile(options.manifest));
  Result<ledger::Ed25519Seed> seed = negotiation::ParsePrivateKeyPem(private_pem);
  if (!seed.ok()) return seed.status().WithContext(options.key);
  CANJE_ASSIGN_OR_RETURN(ledger::Ed25519Signature signature,
                         ledger::Ed25519Sign(*seed, AsBytes(manifest)));
  CANJE_ASSIGN_OR_RETURN(ledger::Ed25519PublicKey public_key, ledger::Ed25519PublicKeyOf(*seed));
  const std::string out = options.out.empty() ? options.manifest + ".sig" : options.out;
  CANJE_RETURN_IF_ERROR(WriteOutputFile(out, AsText(ByteView(signature.data(), signature.size()))));
  const Sha256Hash digest = Sha256(AsBytes(manifest));
  if (context.global.json) {
    context.out << wire::SignedManifestJson(options.manifest, HexEncode(digest), out,
                                            negotiation::KeyId(public_key))
                       .dump(2)
                << '\n';
  } else {
    context.out << "Signed " << options.manifest << " (" << manifest.size() << " bytes, SHA-256 "
                << HexEncode(digest) << ") with key " << negotiation::KeyId(public_key)
                << "\nSignature (64 raw bytes): " << out << "\nCheck it with OpenSSL alone: "
                << OpensslCheckCommand("public.pem", options.manifest, out) << '\n';
  }
  return Status::Ok();
}

struct VerifyOptions {
  std::string key;
  std::string manifest;
  std::string signature;
};

Status RunVerifySignature(CommandContext& context, const VerifyOptions& options) {
  CANJE_ASSIGN_OR_RETURN(std::string public_pem, ReadInputFile(options.key));
  CANJE_ASSIGN_OR_RETURN(std::string manifest, ReadInputFile(options.manifest));
  CANJE_ASSIGN_OR_RETURN(std::string signature_bytes, ReadInputFile(options.signature));
  Result<ledger::Ed25519PublicKey> key = negotiation::ParsePublicKeyPem(public_pem);
  if (!key.ok()) return key.status().WithContext(options.key);
  Result<ledger::Ed25519Signature> signature =
      negotiation::ParseSignatureFile(AsBytes(signature_bytes));
  if (!signature.ok()) return signature.status().WithContext(options.signature);
  const bool valid = ledger::Ed25519Verify(*key, AsBytes(manifest), *signature);
  if (context.global.json) {
    context.out << json{{"valid", valid}, {"key_id", negotiation::KeyId(*key)}}.dump(2) << '\n';
  }
  if (!valid) {
    return Status::Invalid(options.signature + " is not a signature of " + options.manifest +
                           " by key " + negotiation::KeyId(*key) +
                           ": wrong key, or the manifest's bytes differ from those signed");
  }
  if (!context.global.json) {
    context.out << "Valid: " << options.signature << " signs " << options.manifest << " with key "
                << negotiation::KeyId(*key) << '\n';
  }
  return Status::Ok();
}

struct KeyAddOptions {
  std::string party;
  std::string pem;
};

Status RunKeyAdd(CommandContext& context, const KeyAddOptions& options) {
  CANJE_ASSIGN_OR_RETURN(std::string pem, ReadInputFile(options.pem));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  Result<std::string> key_id = negotiation::EnrolPartyKey(*instance, options.party, pem);
  if (!key_id.ok()) {
    return key_id.status().code() == StatusCode::kInvalid ? key_id.status().WithContext(options.pem)
                                                          : key_id.status();
  }
  if (context.global.json) {
    context.out << json{{"party", options.party}, {"key_id", *key_id}}.dump(2) << '\n';
  } else {
    context.out << "Enrolled key " << *key_id << " for " << options.party << '\n';
  }
  return Status::Ok();
}

Status RunKeyList(CommandContext& context, const std::string& party) {
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(auto keys, negotiation::ListPartyKeys(*instance, party));
  if (context.global.json) {
    const json out = JsonArrayOf(keys, [&](const auto& key) { return wire::PartyKeyJson(key); });
    context.out << out.dump(2) << '\n';
  } else {
    Table table({"PARTY", "KEY", "ADDED", "BY"});
    for (const auto& key : keys) {
      table.AddRow({key.party, key.key_id, key.added_at, key.added_by});
    }
    table.Print(context.out);
  }
  return Status::Ok();
}

}  // namespace

Result<std::string> ReadInputFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Status WriteOutputFile(const std::string& path, std::string_view content) {
  return WriteFileAtomically(path, content, {.mode = 0666});
}

void AddSigningCommands(CLI::App& app, CommandContext& context) {
  CLI::App* party = app.get_subcommand("party");
  auto* key = party->add_subcommand("key", "Parties' Ed25519 signing keys");
  key->require_subcommand(1);
  auto* add = key->add_subcommand("add", "Enrol a party's Ed25519 public key (PEM)");
  auto add_options = std::make_shared<KeyAddOptions>();
  add->add_option("CODE", add_options->party, "Party code")
      ->type_name(kPartyValue)->required();
  add->add_option("--pem", add_options->pem,
                  "Public key in PEM (openssl pkey -in key.pem -pubout -out public.pem)")
      ->required();
  add->callback([&context, add_options] { context.Finish(RunKeyAdd(context, *add_options)); });
  auto* list = key->add_subcommand("list", "List enrolled signing keys");
  auto list_party = std::make_shared<std::string>();
  list->add_option("CODE", *list_party, "Only this party's keys")
      ->type_name(kPartyValue);
  list->callback([&context, list_party] { context.Finish(RunKeyList(context, *list_party)); });

  auto* sign = app.add_subcommand(
      "sign", "Sign a manifest's exact bytes with an Ed25519 private key (offline: no store)");
  auto sign_options = std::make_shared<SignOptions>();
  sign->add_option("--key", sign_options->key,
                   "Private key in PEM (openssl genpkey -algorithm ed25519 -out key.pem)")
      ->required();
  sign->add_option("--manifest", sign_options->manifest,
                   "The manifest to sign (canje proposal manifest V --out FILE)")
      ->required();
  sign->add_option("--out", sign_options->out,
                   "Signature file: 64 raw bytes (default: MANIFEST.sig)");
  sign->callback([&context, sign_options] { context.Finish(RunSign(context, *sign_options)); });

  auto* verify = app.add_subcommand("verify-signature",
                                    "Check a detached signature of a file (offline: no store)");
  auto verify_options = std::make_shared<VerifyOptions>();
  verify->add_option("--key", verify_options->key, "Public key in PEM")->required();
  verify->add_option("--manifest", verify_options->manifest, "The signed file")->required();
  verify->add_option("--signature", verify_options->signature, "Signature file (64 raw bytes)")
      ->required();
  verify->callback(
      [&context, verify_options] { context.Finish(RunVerifySignature(context, *verify_options)); });
}

namespace {

// "Agreement: final (log entry 57 is covered by ...)" or "Agreement: not final (...)".
void PrintFinality(CommandContext& context, std::string_view what,
                   const negotiation::Finality& finality) {
  context.out << what << ": " << (finality.final ? "final" : "not final") << " ("
              << finality.detail << ")\n";
}

// The state, and with `finality` (exchange state) whether the agreement and the completion are
// final under the exchange's witness policy.
void PrintExchangeState(CommandContext& context, const store::ExchangeStateRow& row,
                        const negotiation::WorkflowFinality* finality = nullptr) {
  if (context.global.json) {
    context.out << wire::ExchangeStateJson(row, finality).dump(2) << '\n';
    return;
  }
  context.out << negotiation::ExchangeId(row.exchange_id) << " is " << row.state;
  if (row.agreed_version != 0) {
    context.out << " (agreed on " << negotiation::VersionId(row.agreed_version) << ")";
  }
  if (!row.reason.empty()) context.out << ": " << row.reason;
  context.out << '\n';
  if (finality == nullptr) return;
  if (finality->agreement) PrintFinality(context, "Agreement", *finality->agreement);
  if (finality->completion) PrintFinality(context, "Completion", *finality->completion);
}

// `exchange state`, `exchange advance`, `exchange collapse` (added to the exchange group).
void AddExchangeWorkflowCommands(CLI::App& app, CommandContext& context) {
  CLI::App* exchange = app.get_subcommand("exchange");
  auto options = std::make_shared<std::vector<std::string>>(3);  // exchange, state, reason
  auto run = [&context, options](bool change, const std::string& fixed_target) {
    context.Finish([&]() -> Status {
      CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId((*options)[0]));
      CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
      if (!change) {
        CANJE_ASSIGN_OR_RETURN(negotiation::WorkflowFinality status,
                               negotiation::ExchangeWorkflowFinality(*instance, id));
        PrintExchangeState(context, status.state, &status);
        return Status::Ok();
      }
      const std::string target = fixed_target.empty() ? (*options)[1] : fixed_target;
      CANJE_ASSIGN_OR_RETURN(negotiation::ExchangeState state,
                             negotiation::ParseExchangeState(target));
      CANJE_ASSIGN_OR_RETURN(auto row,
                             negotiation::ChangeExchangeState(*instance, id, state, (*options)[2]));
      PrintExchangeState(context, row);
      return Status::Ok();
    }());
  };
  auto* state = exchange->add_subcommand("state", "Where the exchange is in its workflow");
  state->add_option("ID", (*options)[0], "The exchange (X1)")->required();
  state->callback([run] { run(false, ""); });
  auto* advance = exchange->add_subcommand(
      "advance", "Mediator: move to verifying (all signatures valid), executing or completed");
  advance->add_option("ID", (*options)[0], "The exchange (X1)")->required();
  advance->add_option("--to", (*options)[1], "verifying, executing or completed")->required();
  advance->callback([run] { run(true, ""); });
  auto* collapse = exchange->add_subcommand("collapse", "Mediator: the exchange fell through");
  collapse->add_option("ID", (*options)[0], "The exchange (X1)")->required();
  collapse->add_option("--reason", (*options)[2], "Why")->required();
  collapse->callback([run] { run(true, "collapsed"); });
}

}  // namespace

void AddAgreementCommands(CLI::App& app, CommandContext& context) {
  AddExchangeWorkflowCommands(app, context);
  auto* agreement = app.add_subcommand("agreement", "Signed agreements: parties' signatures");
  agreement->require_subcommand(1);
  auto* sign_add = agreement->add_subcommand(
      "sign-add", "Attach a party's signature of an agreed version's manifest");
  auto add_options = std::make_shared<std::vector<std::string>>(3);
  sign_add->add_option("V", (*add_options)[0], "Version (V3)")->required();
  sign_add->add_option("--party", (*add_options)[1], "The signing party")
      ->type_name(kPartyValue)->required();
  sign_add->add_option("--signature", (*add_options)[2], "Signature file (64 raw bytes)")
      ->required();
  sign_add->callback([&context, add_options] {
    context.Finish([&]() -> Status {
      CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseVersionId((*add_options)[0]));
      CANJE_ASSIGN_OR_RETURN(std::string bytes, ReadInputFile((*add_options)[2]));
      CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
      Result<negotiation::SignatureAdded> added =
          negotiation::AddAgreementSignature(*instance, id, (*add_options)[1], AsBytes(bytes));
      if (!added.ok()) {
        return added.status().code() == StatusCode::kInvalid
                   ? added.status().WithContext((*add_options)[2])
                   : added.status();
      }
      if (context.global.json) {
        context.out << wire::SignatureAddedJson(id, (*add_options)[1], *added).dump(2) << '\n';
      } else {
        context.out << "Added " << (*add_options)[1] << "'s signature of "
                    << negotiation::VersionId(id) << " (key " << added->key_id
                    << ", manifest SHA-256 " << added->manifest_sha256 << ")\n";
      }
      return Status::Ok();
    }());
  });

  auto* verify = agreement->add_subcommand(
      "verify", "Check every party's signature of a version (exit 65 unless all are valid)");
  auto verify_version = std::make_shared<std::string>();
  verify->add_option("V", *verify_version, "Version (V3)")->required();
  verify->callback([&context, verify_version] {
    context.Finish([&]() -> Status {
      CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseVersionId(*verify_version));
      CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
      CANJE_ASSIGN_OR_RETURN(negotiation::AgreementCheck check,
                             negotiation::VerifyAgreement(*instance, id));
      if (context.global.json) {
        context.out << wire::AgreementCheckJson(id, check).dump(2) << '\n';
      } else {
        context.out << "Manifest of " << negotiation::VersionId(id) << ": SHA-256 "
                    << check.manifest_sha256 << '\n';
        Table table({"PARTY", "SIGNATURE", "KEY", "DETAIL"});
        for (const auto& line : check.parties) {
          table.AddRow({negotiation::SignerName(line), line.status, line.key_id, line.detail});
        }
        table.Print(context.out);
        PrintFinality(context, "Agreement", check.finality);
      }
      if (!check.complete) {
        std::string missing;
        bool guarantors = false;
        for (const auto& line : check.parties) {
          guarantors |= line.role == "guarantor";
          if (line.status != "valid") {
            missing += (missing.empty() ? "" : ", ") + negotiation::SignerName(line);
          }
        }
        return Status::Invalid(negotiation::VersionId(id) + " is not signed validly by every party" +
                               (guarantors ? " and guarantor: " : ": ") + missing);
      }
      return Status::Ok();
    }());
  });
}

}  // namespace canje::cli
