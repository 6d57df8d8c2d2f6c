// Golden tests of the workflow and agreement shapes (agreement_json.h), with synthetic parties,
// keys and digests.
#include "wire/agreement_json.h"

#include <gtest/gtest.h>

#include "wire/golden.h"

namespace canje::wire {
namespace {

negotiation::Finality SampleFinality(bool is_final) {
  negotiation::Finality finality;
  finality.final = is_final;
  finality.entry = is_final ? 40 : -1;
  finality.threshold = 1;
  finality.witnesses = {{"witness-one", is_final ? 41 : 0, is_final}};
  finality.detail = is_final ? "covered by 1 of 1 witnesses" : "not agreed yet";
  return finality;
}

store::ExchangeStateRow SampleState() {
  store::ExchangeStateRow row;
  row.exchange_id = 4;
  row.state = "agreed";
  row.agreed_version = 7;
  row.changed_at = "2030-02-05T10:00:00Z";
  row.changed_by = "mediator.one";
  return row;
}

TEST(AgreementJsonTest, ExchangeState) {
  store::ExchangeStateRow proposed = SampleState();
  proposed.state = "collapsed";
  proposed.agreed_version = 0;
  proposed.reason = "synthetic reason";
  negotiation::WorkflowFinality finality;
  finality.state = SampleState();
  finality.policy = store::WitnessPolicyRow{4, 1, {"witness-one"}, "2030-01-05T10:00:00Z",
                                            "mediator.one", 12};
  finality.agreement = SampleFinality(true);
  nlohmann::json shapes;
  shapes["without_finality"] = ExchangeStateJson(proposed, nullptr);
  shapes["with_finality"] = ExchangeStateJson(SampleState(), &finality);
  finality.policy.reset();
  finality.agreement.reset();
  finality.completion = SampleFinality(false);
  shapes["no_policy"] = ExchangeStateJson(SampleState(), &finality);
  EXPECT_TRUE(MatchesGolden(shapes, "agreement_exchange_state"));
}

TEST(AgreementJsonTest, KeysAndSignatures) {
  store::PartyKeyRow key;
  key.party = "AAA";
  key.key_id = "ed25519:0011223344556677";
  key.public_key = Bytes(32, 0xab);
  key.added_at = "2030-01-10T10:00:00Z";
  key.added_by = "admin";
  negotiation::AgreementCheck check;
  check.manifest_sha256 = std::string(64, 'c');
  check.parties = {{"AAA", "valid", "ed25519:0011223344556677", ""},
                   {"BBB", "missing", "", "no signature"},
                   {"MED", "missing", "", "MED (guarantor) has not signed V7", "guarantor"}};
  check.finality = SampleFinality(false);
  nlohmann::json shapes = {
      {"party_key", PartyKeyJson(key)},
      {"signed", SignedManifestJson("manifest.txt", std::string(64, 'c'), "manifest.txt.sig",
                                    "ed25519:0011223344556677")},
      {"signature_added",
       SignatureAddedJson(7, "AAA", {"ed25519:0011223344556677", std::string(64, 'c')})},
      {"check", AgreementCheckJson(7, check)},
  };
  EXPECT_TRUE(MatchesGolden(shapes, "agreement_signatures"));
}

}  // namespace
}  // namespace canje::wire
