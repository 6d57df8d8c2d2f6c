// Golden tests of the witnesses' shapes (witness_json.h), with synthetic witnesses and keys.
#include "wire/witness_json.h"

#include <gtest/gtest.h>

#include "wire/golden.h"

namespace canje::wire {
namespace {

TEST(WitnessJsonTest, WitnessesAndSubmissions) {
  instance::WitnessStatus status;
  status.witness.name = "witness-one";
  status.witness.verifier_key = "witness-one+00112233+c3ludGhldGlj";
  status.witness.url = "https://witness.test/";
  status.witness.party = "ORG";
  status.witness.added_at = "2030-01-01T10:00:00Z";
  status.witness.added_by = "admin";
  status.cosigned_size = 12;
  status.cosigned_at = "2030-01-02T10:00:00Z";
  instance::SubmissionReport cosigned{"witness-one", 14, 14, true, false, ""};
  instance::SubmissionReport failed{"witness-two", 14, 0, false, false, "unreachable"};
  nlohmann::json shapes = {
      {"status", WitnessStatusJson(status)},
      {"cosigned", SubmissionReportJson(cosigned)},
      {"failed", SubmissionReportJson(failed)},
  };
  EXPECT_TRUE(MatchesGolden(shapes, "witness_status"));
}

TEST(WitnessJsonTest, PolicyAndFinality) {
  store::WitnessPolicyRow policy{4, 2, {"witness-one", "witness-two"}, "2030-01-05T10:00:00Z",
                                 "mediator.one", 12};
  negotiation::Finality covered;
  covered.final = true;
  covered.entry = 40;
  covered.threshold = 2;
  covered.witnesses = {{"witness-one", 41, true}, {"witness-two", 45, true}};
  covered.detail = "covered by 2 of 2 witnesses";
  negotiation::Finality not_yet;
  not_yet.detail = "not agreed yet";
  nlohmann::json shapes = {
      {"policy", WitnessPolicyJson(policy)},
      {"final", FinalityJson(covered)},
      {"not_yet", FinalityJson(not_yet)},
  };
  EXPECT_TRUE(MatchesGolden(shapes, "witness_policy"));
}

}  // namespace
}  // namespace canje::wire
