#include "ledger/event_envelope.h"

#include <gtest/gtest.h>

#include "core/digest.h"
#include "ledger/canonical_json.h"

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


// The general serialiser, with the envelope's members as EnvelopeLeaf documents them.
Result<std::string> GeneralSerialisation(const EventEnvelope& envelope) {
  return CanonicalJson({{"v", kEnvelopeVersion},
                        {"seq", envelope.seq},
                        {"time", envelope.time},
                        {"actor", envelope.actor},
                        {"party", envelope.party},
                        {"type", envelope.type},
                        {"subjects", envelope.subjects},
                        {"payload_sha256", HexEncode(envelope.payload_sha256)}});
}

// WriteEnvelopeLeaf writes the members in a fixed order without building a CanonicalObject: its
// bytes must be CanonicalJson's for every envelope, escapes and non-ASCII text included, and a
// reused buffer must hold only the new leaf.
TEST(EventEnvelopeTest, TheLeafWriterGivesTheGeneralSerialisersBytes) {
  const std::vector<EventEnvelope> envelopes = {
      {0, "", "", "", "", {}, Bytes(32, 0)},
      {12, "2025-07-18T14:03:09Z", "ana", "VEN", "list.imported", {"L3", "VEN"}, Bytes(32, 0xab)},
      {kMaxCanonicalInteger, "t", "Jos\xC3\xA9 \"Pepe\" \\ /", "\xD0\x9A\xD0\x98\xD0\x87",
       "a\tb\nc\x01\x1f\x7f", {"\xF0\x9F\x98\x80", "", "\xEF\xBF\xBD", "q\"uote"}, Bytes(32, 0xff)},
      {-kMaxCanonicalInteger, std::string("\0z", 2), "x", "y", "z", {std::string(1, '\0')}, Bytes(32, 0x5a)},
  };
  std::string reused = "left over from an earlier leaf, longer than some of these";
  for (const EventEnvelope& envelope : envelopes) {
    Result<std::string> general = GeneralSerialisation(envelope);
    ASSERT_TRUE(general.ok()) << general.status().ToString();
    Result<std::string> leaf = EnvelopeLeaf(envelope);
    ASSERT_TRUE(leaf.ok()) << leaf.status().ToString();
    EXPECT_EQ(*leaf, *general);
    ASSERT_TRUE(WriteEnvelopeLeaf({envelope.seq, envelope.time, envelope.actor, envelope.party,
                                   envelope.type, envelope.subjects, envelope.payload_sha256},
                                  reused)
                    .ok());
    EXPECT_EQ(reused, *general);
  }
}

TEST(EventEnvelopeTest, TheLeafWriterRefusesWhatTheGeneralSerialiserRefusesWithItsMessage) {
  const EventEnvelope good{7, "t", "a", "p", "x.y", {"s1", "s2"}, Bytes(32, 1)};
  std::vector<EventEnvelope> bad(7, good);
  bad[0].time = "\xC0\xAF";
  bad[1].actor = "\xED\xA0\x80";
  bad[2].party = "\xE2\x82";
  bad[3].type = "\xFF";
  bad[4].subjects[1] = "ok\x80";
  bad[5].seq = kMaxCanonicalInteger + 1;
  bad[6].seq = -kMaxCanonicalInteger - 1;
  for (const EventEnvelope& envelope : bad) {
    Result<std::string> general = GeneralSerialisation(envelope);
    ASSERT_FALSE(general.ok());
    Result<std::string> leaf = EnvelopeLeaf(envelope);
    ASSERT_FALSE(leaf.ok());
    EXPECT_EQ(leaf.status().code(), StatusCode::kInvalid);
    EXPECT_EQ(leaf.status().message(), general.status().message());
  }
}

}  // namespace
}  // namespace canje::ledger
