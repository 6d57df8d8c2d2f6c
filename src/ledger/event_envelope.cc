#include "ledger/event_envelope.h"

#include "ledger/canonical_json.h"

namespace canje::ledger {

Result<std::string> EnvelopeLeaf(const EventEnvelope& envelope) {
  if (envelope.payload_sha256.size() != 32) {
    return Status::Invalid("event " + std::to_string(envelope.seq) +
                           ": the payload hash is not 32 bytes");
  }
  CanonicalObject object = {
      {"v", kEnvelopeVersion},
      {"seq", envelope.seq},
      {"time", envelope.time},
      {"actor", envelope.actor},
      {"party", envelope.party},
      {"type", envelope.type},
      {"subjects", envelope.subjects},
      {"payload_sha256", HexEncode(envelope.payload_sha256)},
  };
  return CanonicalJson(object);
}

}  // namespace canje::ledger
