// Signed agreements over HTTP: a party's detached signature of a version's manifest, the check
// of every party's signature, and the parties' enrolled signing keys — the use cases of `canje
// agreement sign-add|verify` and `canje party key add|list` (negotiation/agreement.h,
// signature_keys.h), with the same JSON (wire/agreement_json.h). Signing itself happens
// offline, with the party's private key (`canje sign` or OpenSSL), never on the server.
#include <cstdint>
#include <string>

#include "core/encoding.h"
#include "negotiation/agreement.h"
#include "negotiation/proposal_actions.h"
#include "negotiation/signature_keys.h"
#include "server/body_members.h"
#include "server/handlers.h"
#include "wire/agreement_json.h"

namespace canje::server {
namespace {

using nlohmann::json;

// `canje agreement sign-add V --party P --signature FILE`: the signature file's 64 bytes come
// as standard base64 in "signature".
Result<Reply> PostSignature(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseVersionId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"party", "signature"}));
  CANJE_ASSIGN_OR_RETURN(std::string party, TextMember(call, body, "party", true));
  CANJE_ASSIGN_OR_RETURN(std::string encoded, TextMember(call, body, "signature", true));
  std::optional<Bytes> signature = Base64Decode(encoded);
  if (!signature) {
    return call.AtPointer(Status::Usage("\"signature\" must be the signature file's 64 bytes in "
                                        "standard base64 (base64 -w0 manifest.sig)"),
                          "/signature");
  }
  Result<negotiation::SignatureAdded> added =
      negotiation::AddAgreementSignature(call.instance, id, party, *signature);
  if (!added.ok() && added.status().code() == StatusCode::kInvalid) {
    return call.AtPointer(added.status(), "/signature");
  }
  CANJE_RETURN_IF_ERROR(added.status());
  Reply reply = JsonReply(wire::SignatureAddedJson(id, party, *added), 201);
  reply.headers.emplace_back("Location",
                             "/v1/proposals/" + negotiation::VersionId(id) + "/agreement");
  return reply;
}

// `canje agreement verify V --json`: answered 200 whether or not every signature is valid (the
// command's exit status is `complete`).
Result<Reply> GetAgreement(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseVersionId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(negotiation::AgreementCheck check,
                         negotiation::VerifyAgreement(call.instance, id));
  return JsonReply(wire::AgreementCheckJson(id, check));
}

// `canje party key add PARTY --pem FILE`: the PEM's text in "pem".
Result<Reply> PostPartyKey(ApiCall& call) {
  const std::string& party = call.Param("party");
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"pem"}));
  CANJE_ASSIGN_OR_RETURN(std::string pem, TextMember(call, body, "pem", true));
  Result<std::string> key_id = negotiation::EnrolPartyKey(call.instance, party, pem);
  if (!key_id.ok() && key_id.status().code() == StatusCode::kInvalid) {
    return call.AtPointer(key_id.status(), "/pem");
  }
  CANJE_RETURN_IF_ERROR(key_id.status());
  // The command's own acknowledgement (cli/agreement_commands.cc), one line.
  Reply reply = JsonReply(json{{"party", party}, {"key_id", *key_id}}, 201);
  reply.headers.emplace_back("Location", "/v1/parties/" + party + "/keys");
  return reply;
}

Result<Reply> GetPartyKeys(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(auto keys, negotiation::ListPartyKeys(call.instance, call.Param("party")));
  return JsonArrayReply(keys, [&](const auto& key) { return wire::PartyKeyJson(key); });
}

}  // namespace

Status AddAgreementRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(routes.Add("POST", "/v1/proposals/{id}/signatures",
                                   {Action::kAddAgreementSignature, PostSignature}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/v1/proposals/{id}/agreement", {Action::kReadProposals, GetAgreement}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/parties/{party}/keys", {Action::kEnrolSigningKey, PostPartyKey}));
  return routes.Add("GET", "/v1/parties/{party}/keys", {Action::kReadProposals, GetPartyKeys});
}

}  // namespace canje::server
