#include "negotiation/agreement_manifest.h"

#include <algorithm>

#include "instance/ids.h"
#include "ledger/canonical_json.h"

namespace canje::negotiation {
namespace {

std::string VersionOrEmpty(int64_t id) { return id == 0 ? "" : "V" + std::to_string(id); }

}  // namespace

std::string TransferLine(const Transfer& transfer) {
  return instance::PersonId(transfer.person_id) + " " + transfer.from + ">" + transfer.to +
         " for " + transfer.beneficiary + (transfer.unconditional ? " unconditional" : "");
}

Result<std::string> ManifestJson(const ManifestInput& input) {
  std::vector<std::string> transfers;
  for (const Transfer& transfer : input.content.transfers) {
    transfers.push_back(TransferLine(transfer));
  }
  std::vector<std::string> counts;
  for (const DirectionCount& count : input.content.counts) {
    counts.push_back(count.from + ">" + count.to + "=" + std::to_string(count.persons));
  }
  std::vector<std::string> parties = input.parties;
  std::sort(parties.begin(), parties.end());
  std::vector<std::string> guarantors = input.guarantors;
  std::sort(guarantors.begin(), guarantors.end());
  ledger::CanonicalObject members = {
      {"format", std::string(kManifestFormat)},
      {"instance", input.instance_id},
      {"exchange", "X" + std::to_string(input.exchange_id)},
      {"exchange_name", input.exchange_name},
      {"version", VersionOrEmpty(input.version_id)},
      {"parent", VersionOrEmpty(input.parent_id)},
      {"refers_to", VersionOrEmpty(input.refers_to)},
      {"kind", std::string(input.content.named ? "named" : "counts")},
      {"counts", counts},
      {"transfers", transfers},
      {"parties", parties},
      {"override", input.override_justification},
  };
  if (!guarantors.empty()) members.push_back({"guarantors", guarantors});
  return ledger::CanonicalJson(members);
}

}  // namespace canje::negotiation
