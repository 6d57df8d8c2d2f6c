// Every context, byte for byte as stores already hold values sealed under it: a value opens
// only under the exact context it was sealed under, so none of these may ever change.
#include "protect/sealing_contexts.h"

#include <gtest/gtest.h>

namespace canje::protect {
namespace {

TEST(SealingContextsTest, AreTheStringsStoresWereWrittenWith) {
  EXPECT_EQ(PersonKeyContext(17), "person 17");
  EXPECT_EQ(RecordKeyContext(5), "record 5");
  EXPECT_EQ(kEventPayloadContext, "event payload");
  EXPECT_EQ(kLogSigningKeyContext, "log signing key");
  EXPECT_EQ(kIndexKeyContext, "instance index key");
  EXPECT_EQ(kTextKeyContext, "instance text key");
  EXPECT_EQ(InterviewNoteContext(17, 12), "person 17 interview 12");
  EXPECT_EQ(InterviewOutcomeContext(17, 12), "person 17 interview 12 outcome");
  EXPECT_EQ(NotTravellingNoteContext(17, 3), "person 17 not travelling in exchange 3");
  EXPECT_EQ(NotTravellingReasonContext(17, 3), "person 17 not travelling reason in exchange 3");
  EXPECT_EQ(HoldReferenceContext(3), "hold 3 reference");
  EXPECT_EQ(HoldLiftReasonContext(3), "hold 3 lift reason");
  EXPECT_EQ(LegalActTextsContext(4), "legal act 4 texts");
  EXPECT_EQ(ResponseReasonContext(2, "VEN"), "proposal version 2 response of VEN reason");
  EXPECT_EQ(OverrideJustificationContext(2), "proposal version 2 override justification");
  EXPECT_EQ(HandoverTextsContext(17, 3), "handover of person 17 in exchange 3");
  EXPECT_EQ(ReportedCountNoteContext(6), "reported count 6 note");
  EXPECT_EQ(ExchangeStateReasonContext(3), "exchange 3 state reason");
  EXPECT_EQ(LinkModelNameCountsContext(1), "link model 1 name counts");
  EXPECT_EQ(NameWordContext("0a1b"), "name word 0a1b");
  EXPECT_EQ(kTotpKeyPurpose, "canje totp secrets v1");
  EXPECT_EQ(TotpSecretContext("ana"), "totp ana");
}

}  // namespace
}  // namespace canje::protect
