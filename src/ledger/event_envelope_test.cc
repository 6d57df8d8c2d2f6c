#include "ledger/event_envelope.h"

#include <gtest/gtest.h>

#include "core/digest.h"

namespace canje::ledger {
namespace {

TEST(EventEnvelopeTest, IsCanonicalJsonWithSortedKeysAndNoPayload) {
  EventEnvelope envelope{12, "2025-07-18T14:03:09Z", "ana", "VEN", "list.imported",
                         {"L3", "VEN"}, Bytes(32, 0xab)};
  Result<std::string> leaf = EnvelopeLeaf(envelope);
  ASSERT_TRUE(leaf.ok()) << leaf.status().ToString();
  EXPECT_EQ(*leaf, "{\"actor\":\"ana\",\"party\":\"VEN\",\"payload_sha256\":\"" +
                       HexEncode(Bytes(32, 0xab)) +
                       "\",\"seq\":12,\"subjects\":[\"L3\",\"VEN\"],"
                       "\"time\":\"2025-07-18T14:03:09Z\",\"type\":\"list.imported\",\"v\":1}");
  envelope.payload_sha256.pop_back();
  EXPECT_EQ(EnvelopeLeaf(envelope).status().code(), StatusCode::kInvalid);
}

}  // namespace
}  // namespace canje::ledger
