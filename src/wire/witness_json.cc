#include "wire/witness_json.h"

#include "negotiation/exchange.h"

namespace canje::wire {

using nlohmann::json;

json WitnessStatusJson(const instance::WitnessStatus& status) {
  const store::WitnessRow& witness = status.witness;
  return {{"name", witness.name},
          {"verifier_key", witness.verifier_key},
          {"url", witness.url},
          {"party", witness.party},
          {"added_at", witness.added_at},
          {"added_by", witness.added_by},
          {"cosigned_size", status.cosigned_size},
          {"cosigned_at", status.cosigned_at}};
}

json SubmissionReportJson(const instance::SubmissionReport& report) {
  return {{"witness", report.witness},
          {"size", report.size},
          {"cosigned_size", report.cosigned_size},
          {"cosigned", report.cosigned},
          {"up_to_date", report.up_to_date},
          {"problem", report.problem}};
}

json WitnessPolicyJson(const store::WitnessPolicyRow& policy) {
  return {{"exchange", negotiation::ExchangeId(policy.exchange_id)},
          {"threshold", policy.threshold},
          {"witnesses", policy.witnesses},
          {"set_at", policy.set_at},
          {"set_by", policy.set_by}};
}

json FinalityJson(const negotiation::Finality& finality) {
  json witnesses = json::array();
  for (const auto& coverage : finality.witnesses) {
    witnesses.push_back({{"witness", coverage.witness},
                         {"cosigned_size", coverage.cosigned_size},
                         {"covers", coverage.covers}});
  }
  return {{"final", finality.final},
          {"entry", finality.entry < 0 ? json(nullptr) : json(finality.entry)},
          {"threshold", finality.threshold},
          {"witnesses", witnesses},
          {"detail", finality.detail}};
}

}  // namespace canje::wire
