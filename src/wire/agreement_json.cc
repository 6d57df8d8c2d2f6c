#include "wire/agreement_json.h"

#include "core/encoding.h"
#include "negotiation/exchange.h"
#include "negotiation/proposal_actions.h"
#include "wire/json_values.h"
#include "wire/witness_json.h"

namespace canje::wire {

using nlohmann::json;

json ExchangeStateJson(const store::ExchangeStateRow& row,
                       const negotiation::WorkflowFinality* finality) {
  json out{{"exchange", negotiation::ExchangeId(row.exchange_id)},
           {"state", row.state},
           {"agreed_version",
            row.agreed_version == 0 ? "" : negotiation::VersionId(row.agreed_version)},
           {"reason", row.reason},
           {"changed_at", row.changed_at},
           {"changed_by", row.changed_by}};
  if (finality != nullptr) {
    out["witness_policy"] = OrNull(finality->policy, WitnessPolicyJson);
    out["agreement_final"] = finality->agreement && finality->agreement->final;
    out["completion_final"] = finality->completion && finality->completion->final;
    out["agreement_finality"] = OrNull(finality->agreement, FinalityJson);
    out["completion_finality"] = OrNull(finality->completion, FinalityJson);
  }
  return out;
}

json PartyKeyJson(const store::PartyKeyRow& key) {
  return {{"party", key.party},
          {"key_id", key.key_id},
          {"public_key", HexEncode(key.public_key)},
          {"added_at", key.added_at},
          {"added_by", key.added_by}};
}

json SignedManifestJson(const std::string& manifest, const std::string& manifest_sha256,
                        const std::string& signature_file, const std::string& key_id) {
  return {{"manifest", manifest},
          {"manifest_sha256", manifest_sha256},
          {"signature_file", signature_file},
          {"key_id", key_id}};
}

json SignatureAddedJson(int64_t version, const std::string& party,
                        const negotiation::SignatureAdded& added) {
  return {{"version", negotiation::VersionId(version)},
          {"party", party},
          {"key_id", added.key_id},
          {"manifest_sha256", added.manifest_sha256}};
}

json AgreementCheckJson(int64_t version, const negotiation::AgreementCheck& check) {
  json parties = json::array();
  for (const auto& line : check.parties) {
    parties.push_back({{"party", line.party},
                       {"role", line.role},
                       {"status", line.status},
                       {"key_id", line.key_id},
                       {"detail", line.detail}});
  }
  return {{"version", negotiation::VersionId(version)},
          {"manifest_sha256", check.manifest_sha256},
          {"complete", check.complete},
          {"final", check.finality.final},
          {"finality", FinalityJson(check.finality)},
          {"parties", parties}};
}

}  // namespace canje::wire
