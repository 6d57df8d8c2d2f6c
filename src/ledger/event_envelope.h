// The leaf of the transparency log: an event's envelope in canonical JSON (RFC 8785).
//
// The envelope holds only strings and integers, and never personal data: the payload enters it
// as the SHA-256 of salt || payload, so erasing the payload and its salt leaves the leaf, and
// every proof over it, verifiable, while nobody can test a guess of what it held.
//
//   {"actor":"ana","party":"VEN","payload_sha256":"<64 hex>","seq":12,
//    "subjects":["L3","VEN"],"time":"2025-07-18T14:03:09Z","type":"list.imported","v":1}
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/encoding.h"
#include "core/status.h"

namespace canje::ledger {

inline constexpr int64_t kEnvelopeVersion = 1;

struct EventEnvelope {
  int64_t seq = 0;
  std::string time;  // RFC 3339, UTC
  std::string actor;
  std::string party;
  std::string type;
  std::vector<std::string> subjects;
  Bytes payload_sha256;  // 32 bytes
};

// The leaf bytes. kInvalid if a field is not valid UTF-8, the sequence number is beyond 2^53 in
// magnitude or the hash is not 32 bytes.
Result<std::string> EnvelopeLeaf(const EventEnvelope& envelope);

// The same fields by reference, for writing many leaves without copying them.
struct EventEnvelopeView {
  int64_t seq = 0;
  std::string_view time;
  std::string_view actor;
  std::string_view party;
  std::string_view type;
  std::span<const std::string> subjects;
  ByteView payload_sha256;
};

// EnvelopeLeaf into `out`, replacing what it held and reusing its capacity: the same bytes and
// the same errors (`out` empty then). The members are written in their canonical order directly,
// without building a CanonicalObject; an envelope it refuses goes through CanonicalJson for the
// message.
Status WriteEnvelopeLeaf(const EventEnvelopeView& envelope, std::string& out);

}  // namespace canje::ledger
