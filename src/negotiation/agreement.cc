#include "negotiation/agreement.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/digest.h"
#include "instance/event_types.h"
#include "negotiation/exchange.h"
#include "negotiation/proposal_actions.h"
#include "negotiation/signature.h"
#include "negotiation/signature_keys.h"
#include "negotiation/workflow.h"
#include "store/agreement_tables.h"

namespace canje::negotiation {
namespace {

bool IsAgreed(const std::string& state) {
  return state == ProposalStateName(ProposalState::kAgreed) ||
         state == ProposalStateName(ProposalState::kAgreedInPrinciple);
}

// An agreement once made stays verifiable after a re-plan replaced it.
bool WasAgreed(const std::string& state) {
  return IsAgreed(state) || state == ProposalStateName(ProposalState::kReplaced);
}

std::vector<std::string> AcceptedParties(const ProposalView& view) {
  std::vector<std::string> parties;
  for (const auto& response : view.responses) {
    if (response.response == "accepted") parties.push_back(response.party);
  }
  return parties;
}

ledger::Ed25519PublicKey KeyOf(const Bytes& raw) {
  ledger::Ed25519PublicKey key{};
  std::copy_n(raw.begin(), std::min(raw.size(), key.size()), key.begin());
  return key;
}

}  // namespace

Result<SignatureAdded> AddAgreementSignature(instance::Instance& instance, int64_t version_id,
                                             const std::string& party, ByteView signature_file) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kAddAgreementSignature));
  CANJE_RETURN_IF_ERROR(
      instance::AuthorizeForParty(instance.role(), instance.actor().party, party));
  CANJE_ASSIGN_OR_RETURN(ProposalView view, LoadProposal(instance, version_id));
  const std::string id = VersionId(version_id);
  if (!IsAgreed(view.version.state)) {
    return Status::Invalid(id + " is " + view.version.state +
                           "; only an agreed (or agreed-in-principle) version is signed");
  }
  const std::vector<std::string> accepted = AcceptedParties(view);
  if (std::find(accepted.begin(), accepted.end(), party) == accepted.end() &&
      std::find(view.guarantors.begin(), view.guarantors.end(), party) == view.guarantors.end()) {
    return Status::Invalid(party + " did not accept " + id + " and does not guarantee " +
                           ExchangeId(view.version.exchange_id) +
                           "; only its parties and the exchange's guarantors sign it");
  }
  CANJE_ASSIGN_OR_RETURN(ledger::Ed25519Signature signature, ParseSignatureFile(signature_file));
  CANJE_ASSIGN_OR_RETURN(std::string manifest, ProposalManifest(instance, version_id));
  CANJE_ASSIGN_OR_RETURN(store::PartyKeyRow key,
                         KeyThatSigned(instance.store(), party, AsBytes(manifest), signature));
  const Sha256Hash digest = Sha256(AsBytes(manifest));
  const std::string digest_hex = HexEncode(digest);
  CANJE_RETURN_IF_ERROR(instance.Change([&](instance::Recorder& recorder) -> Status {
    const std::string exchange = ExchangeId(view.version.exchange_id);
    CANJE_ASSIGN_OR_RETURN(int64_t seq,
                           recorder.Record(events::kAgreementSigned, {exchange, id, party},
                                           {{"exchange", exchange},
                                            {"version", id},
                                            {"party", party},
                                            {"key_id", key.key_id},
                                            {"manifest_sha256", digest_hex},
                                            {"signature", HexEncode(signature)}}));
    return store::PutSignature(
        recorder.transaction(),
        {version_id, party, key.key_id, Bytes(signature.begin(), signature.end()),
         Bytes(digest.begin(), digest.end()), "", "", seq});
  }));
  return SignatureAdded{key.key_id, digest_hex};
}

Result<AgreementCheck> VerifyAgreement(instance::Instance& instance, int64_t version_id) {
  CANJE_ASSIGN_OR_RETURN(ProposalView view, LoadProposal(instance, version_id));
  const std::string id = VersionId(version_id);
  if (!WasAgreed(view.version.state)) {
    return Status::Invalid(id + " is " + view.version.state + "; there is no agreement to verify");
  }
  CANJE_ASSIGN_OR_RETURN(std::string manifest, ProposalManifest(instance, version_id));
  const Sha256Hash digest = Sha256(AsBytes(manifest));
  CANJE_ASSIGN_OR_RETURN(auto signatures, store::SignaturesOf(instance.store(), version_id));
  CANJE_ASSIGN_OR_RETURN(auto keys, store::PartyKeys(instance.store(), ""));
  AgreementCheck check;
  check.manifest_sha256 = HexEncode(digest);
  check.complete = true;
  int64_t last_signature = -1;  // the entry of the latest valid signature
  std::vector<std::pair<std::string, std::string>> signers;  // party, role
  for (const std::string& party : AcceptedParties(view)) signers.emplace_back(party, "party");
  for (const std::string& party : view.guarantors) signers.emplace_back(party, "guarantor");
  for (const auto& signer : signers) {
    // Named, not a structured binding: clang cannot capture a binding in the lambda below.
    const std::string& party = signer.first;
    PartySignatureCheck line{party, "missing", "", "", signer.second};
    line.detail = SignerName(line) + " has not signed " + id;
    for (const auto& signature : signatures) {
      if (signature.party != party) continue;
      line.key_id = signature.key_id;
      const auto key = std::find_if(keys.begin(), keys.end(), [&](const auto& row) {
        return row.party == party && row.key_id == signature.key_id;
      });
      if (signature.manifest_sha256 != Bytes(digest.begin(), digest.end())) {
        line.status = "stale";
        line.detail = "signed other manifest bytes (SHA-256 " +
                      HexEncode(signature.manifest_sha256) + "); the version's record changed";
      } else if (key == keys.end()) {
        line.status = "invalid";
        line.detail = "key " + signature.key_id + " is no longer enrolled for " + party;
      } else if (!ledger::Ed25519Verify(KeyOf(key->public_key), AsBytes(manifest),
                                        signature.signature)) {
        line.status = "invalid";
        line.detail = "the signature does not verify under " + signature.key_id;
      } else {
        line.status = "valid";
        last_signature = std::max(last_signature, signature.event_seq);
        line.detail = "signed with " + signature.key_id + " (added by " + signature.added_by +
                      ", " + signature.added_at + ")";
      }
    }
    if (line.status != "valid") check.complete = false;
    check.parties.push_back(std::move(line));
  }
  CANJE_ASSIGN_OR_RETURN(
      check.finality,
      FinalityOfEntry(instance.store(), view.version.exchange_id,
                      check.complete ? last_signature : -1,
                      "not every party's and guarantor's signature of " + id +
                          " is valid yet"));
  return check;
}

std::string SignerName(const PartySignatureCheck& line) {
  return line.role == "guarantor" ? line.party + " (guarantor)" : line.party;
}

}  // namespace canje::negotiation
