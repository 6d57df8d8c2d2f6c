// The manifest of a proposal version: the exact bytes each party signs (docs/workflow.md
// "The manifest").
//
// It is RFC 8785 canonical JSON (ledger/canonical_json.h): one flat object whose members are
// strings, integers and arrays of strings, so any JCS implementation reproduces the bytes:
//
//   {"counts":["SLV>VEN=3","VEN>USA=3"],"exchange":"X1","exchange_name":"cecot-2025",
//    "format":"canje-agreement-manifest/1","instance":"<instance id>","kind":"named",
//    "override":"","parent":"V2","parties":["SLV","USA","VEN"],"refers_to":"",
//    "transfers":["P17 SLV>VEN for VEN","P20 VEN>USA for USA unconditional"],"version":"V3"}
//
// Members: `format` names this layout; `instance` the canje instance (person ids are its
// ids); `exchange`/`exchange_name`; `version`, `parent` and `refers_to` (a counts version agreed
// in principle; "" when none); `kind` "named" or "counts"; `counts` per direction as FROM>TO=N;
// `transfers` (named versions; [] for counts) as "P<id> FROM>TO for BENEFICIARY", with
// " unconditional" for humanitarian releases, by person id; `parties` the parties who accepted
// the version, sorted; `override` the mediator's humanitarian justification ("" when none);
// `guarantors` the exchange's guarantors, sorted — a member only when it has any, so that the
// manifest of an exchange without guarantors is the bytes it always was and signatures made
// before guarantors existed stay valid. Nothing in it changes once the version is agreed
// (guarantors change only while the exchange is negotiating), so a signature stays valid; no
// name or other personal data is in it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "negotiation/proposal.h"

namespace canje::negotiation {

inline constexpr char kManifestFormat[] = "canje-agreement-manifest/1";

struct ManifestInput {
  std::string instance_id;
  int64_t exchange_id = 0;
  std::string exchange_name;
  int64_t version_id = 0;
  int64_t parent_id = 0;  // 0: none
  int64_t refers_to = 0;  // 0: none
  ProposalContent content;
  std::vector<std::string> parties;  // who accepted
  std::string override_justification;
  // The exchange's guarantors (negotiation/exchange_participants.h), who sign beside the parties.
  std::vector<std::string> guarantors;
};

// "P17 SLV>VEN for VEN" / "... unconditional".
std::string TransferLine(const Transfer& transfer);

// The canonical bytes. kInvalid only for text that is not UTF-8.
Result<std::string> ManifestJson(const ManifestInput& input);

}  // namespace canje::negotiation
