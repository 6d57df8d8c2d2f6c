#include "negotiation/signature_keys.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "instance/event_types.h"
#include "negotiation/signature.h"

namespace canje::negotiation {
namespace {

ledger::Ed25519PublicKey ToPublicKey(const Bytes& raw) {
  ledger::Ed25519PublicKey key{};
  std::copy_n(raw.begin(), std::min(raw.size(), key.size()), key.begin());
  return key;
}

}  // namespace

Result<std::string> EnrolPartyKey(instance::Instance& instance, std::string_view party,
                                  std::string_view public_pem) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kEnrolSigningKey));
  CANJE_RETURN_IF_ERROR(
      instance::AuthorizeForParty(instance.role(), instance.actor().party, party));
  CANJE_ASSIGN_OR_RETURN(auto found, instance.store().FindParty(party));
  if (!found) {
    return Status::NotFound("no party " + std::string(party) + "; see `canje party list`");
  }
  CANJE_ASSIGN_OR_RETURN(ledger::Ed25519PublicKey key, ParsePublicKeyPem(public_pem));
  const std::string key_id = KeyId(key);
  const Bytes raw(key.begin(), key.end());
  Status changed = instance.Change([&](instance::Recorder& recorder) -> Status {
    CANJE_ASSIGN_OR_RETURN(int64_t seq,
                           recorder.Record(events::kPartyKeyAdded, {std::string(party)},
                                           {{"party", party},
                                            {"key_id", key_id},
                                            {"algorithm", "ed25519"},
                                            {"public_key", HexEncode(raw)}}));
    return store::AddPartyKey(recorder.transaction(),
                              {std::string(party), key_id, raw, "", "", seq});
  });
  if (!changed.ok()) return changed;
  return key_id;
}

Result<std::vector<store::PartyKeyRow>> ListPartyKeys(instance::Instance& instance,
                                                      std::string_view party) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReadProposals));
  if (!party.empty()) {
    CANJE_ASSIGN_OR_RETURN(auto found, instance.store().FindParty(party));
    if (!found) {
      return Status::NotFound("no party " + std::string(party) + "; see `canje party list`");
    }
  }
  return store::PartyKeys(instance.store(), party);
}

Result<store::PartyKeyRow> KeyThatSigned(store::Store& store, std::string_view party,
                                         ByteView message,
                                         const ledger::Ed25519Signature& signature) {
  CANJE_ASSIGN_OR_RETURN(std::vector<store::PartyKeyRow> keys, store::PartyKeys(store, party));
  if (keys.empty()) {
    return Status::NotFound("party " + std::string(party) +
                            " has no signing key; enrol one with `canje party key add " +
                            std::string(party) + " --pem public.pem`");
  }
  std::string ids;
  for (const store::PartyKeyRow& key : keys) {
    if (ledger::Ed25519Verify(ToPublicKey(key.public_key), message, signature)) return key;
    ids += (ids.empty() ? "" : ", ") + key.key_id;
  }
  return Status::NotPermitted("the signature is not by any key of " + std::string(party) + " (" +
                              ids +
                              "): it was made with another key or over other bytes; sign the "
                              "manifest from `canje proposal manifest` with " +
                              std::string(party) + "'s enrolled key");
}

}  // namespace canje::negotiation
