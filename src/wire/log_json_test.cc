// Golden tests of the transparency log's shapes (log_proofs.h), with made-up hashes.
#include <gtest/gtest.h>

#include "wire/golden.h"
#include "wire/log_proofs.h"
#include "wire/wire_test_samples.h"

namespace canje::wire {
namespace {

using testing::FilledHash;

TEST(LogJsonTest, Proofs) {
  instance::LogProof inclusion{3, 8, {FilledHash(0x11), FilledHash(0x22)}};
  instance::LogProof consistency{4, 8, {FilledHash(0x33)}};
  nlohmann::json shapes = {
      {"inclusion", InclusionProofJson(inclusion)},
      {"consistency", ConsistencyProofJson(consistency)},
  };
  EXPECT_TRUE(MatchesGolden(shapes, "log_proofs"));
}

TEST(LogJsonTest, EventsAndVerification) {
  instance::LogEventView event;
  event.seq = 12;
  event.time = "2030-01-02T10:00:00Z";
  event.actor = "mediator.one";
  event.party = "MED";
  event.type = "exchange.created";
  event.subjects = {"X4"};
  event.payload_sha256 = Bytes(32, 0x0f);
  instance::LogEventView sealed = event;
  sealed.seq = 13;
  sealed.type = std::string(instance::kSealedAssessmentType);
  sealed.subjects.clear();
  sealed.sealed = true;
  sealed.erased = true;
  instance::LogVerification verification;
  verification.entries = 14;
  verification.checkpoints = 3;
  verification.erased_payloads = 1;
  verification.root = FilledHash(0x44);
  nlohmann::json shapes = {
      {"event", LogEventJson(event)},
      {"sealed_event", LogEventJson(sealed)},
      {"verification", LogVerificationJson(verification)},
  };
  EXPECT_TRUE(MatchesGolden(shapes, "log_events"));
}

}  // namespace
}  // namespace canje::wire
