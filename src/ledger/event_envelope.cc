#include "ledger/event_envelope.h"

#include "core/utf8.h"
#include "ledger/canonical_json.h"

namespace canje::ledger {
namespace {

// The member names in RFC 8785 order (all ASCII, so byte order is UTF-16 order):
// actor, party, payload_sha256, seq, subjects, time, type, v.
void AppendHex(ByteView bytes, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (uint8_t byte : bytes) {
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xF]);
  }
  out.push_back('"');
}

bool WritableAsIs(const EventEnvelopeView& envelope) {
  if (envelope.seq > kMaxCanonicalInteger || envelope.seq < -kMaxCanonicalInteger) return false;
  for (std::string_view text : {envelope.time, envelope.actor, envelope.party, envelope.type}) {
    if (!IsValidUtf8(text)) return false;
  }
  for (const std::string& subject : envelope.subjects) {
    if (!IsValidUtf8(subject)) return false;
  }
  return true;
}

// The general serialiser, which names what is wrong with a field that WritableAsIs refused.
Status WhyNotWritable(const EventEnvelopeView& envelope) {
  CanonicalObject object = {
      {"v", kEnvelopeVersion},
      {"seq", envelope.seq},
      {"time", std::string(envelope.time)},
      {"actor", std::string(envelope.actor)},
      {"party", std::string(envelope.party)},
      {"type", std::string(envelope.type)},
      {"subjects", std::vector<std::string>(envelope.subjects.begin(), envelope.subjects.end())},
      {"payload_sha256", HexEncode(envelope.payload_sha256)},
  };
  return CanonicalJson(object).status();
}

}  // namespace

Status WriteEnvelopeLeaf(const EventEnvelopeView& envelope, std::string& out) {
  out.clear();
  if (envelope.payload_sha256.size() != 32) {
    return Status::Invalid("event " + std::to_string(envelope.seq) +
                           ": the payload hash is not 32 bytes");
  }
  if (!WritableAsIs(envelope)) return WhyNotWritable(envelope);
  out += "{\"actor\":";
  AppendCanonicalString(envelope.actor, out);
  out += ",\"party\":";
  AppendCanonicalString(envelope.party, out);
  out += ",\"payload_sha256\":";
  AppendHex(envelope.payload_sha256, out);
  out += ",\"seq\":";
  AppendCanonicalInteger(envelope.seq, out);
  out += ",\"subjects\":[";
  for (size_t i = 0; i < envelope.subjects.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendCanonicalString(envelope.subjects[i], out);
  }
  out += "],\"time\":";
  AppendCanonicalString(envelope.time, out);
  out += ",\"type\":";
  AppendCanonicalString(envelope.type, out);
  out += ",\"v\":";
  AppendCanonicalInteger(kEnvelopeVersion, out);
  out.push_back('}');
  return Status::Ok();
}

Result<std::string> EnvelopeLeaf(const EventEnvelope& envelope) {
  std::string out;
  CANJE_RETURN_IF_ERROR(WriteEnvelopeLeaf(
      {envelope.seq, envelope.time, envelope.actor, envelope.party, envelope.type,
       envelope.subjects, envelope.payload_sha256},
      out));
  return out;
}

}  // namespace canje::ledger
