#include "ledger/cosignature.h"

#include "ledger/checkpoint.h"

namespace canje::ledger {

std::string CosignatureV1Message(uint64_t timestamp, std::string_view checkpoint_text) {
  std::string message = "cosignature/v1\ntime " + std::to_string(timestamp) + "\n";
  message.append(checkpoint_text);
  return message;
}

Result<std::string> CosignCheckpoint(std::string_view checkpoint_text, const SignerKey& cosigner,
                                     uint64_t timestamp) {
  if (cosigner.type != SignatureType::kCosignatureV1) {
    return Status::Usage("key " + cosigner.name + "+" + FormatKeyId(cosigner.key_id) +
                         " is not a cosigner key (signature type 0x04); generate a witness key");
  }
  if (timestamp > kMaxCosignatureTimestamp) {
    return Status::Usage("cosignature timestamp " + std::to_string(timestamp) +
                         " is beyond 2^63 - 1");
  }
  CANJE_RETURN_IF_ERROR(ParseCheckpoint(checkpoint_text).status());
  const std::string message = CosignatureV1Message(timestamp, checkpoint_text);
  CANJE_ASSIGN_OR_RETURN(Ed25519Signature signature, Ed25519Sign(cosigner.seed, AsBytes(message)));
  NoteSignature line{cosigner.name, cosigner.key_id, {}};
  for (int shift = 56; shift >= 0; shift -= 8) {
    line.signature.push_back(static_cast<uint8_t>(timestamp >> shift));
  }
  line.signature.insert(line.signature.end(), signature.begin(), signature.end());
  return FormatSignatureLine(line);
}

Result<Cosignature> CosignatureFromNoteSignature(const NoteSignature& signature) {
  if (signature.signature.size() != 8 + 64) {
    return Status::Invalid("the signature by " + signature.name + " is " +
                           std::to_string(signature.signature.size()) +
                           " bytes after its key id; a cosignature/v1 has 72 (timestamp and "
                           "Ed25519 signature)");
  }
  Cosignature cosignature;
  cosignature.name = signature.name;
  cosignature.key_id = signature.key_id;
  for (int i = 0; i < 8; ++i) {
    cosignature.timestamp = cosignature.timestamp << 8 | signature.signature[i];
  }
  if (cosignature.timestamp > kMaxCosignatureTimestamp) {
    return Status::Invalid("the cosignature by " + signature.name +
                           " has a timestamp beyond 2^63 - 1");
  }
  std::copy(signature.signature.begin() + 8, signature.signature.end(),
            cosignature.signature.begin());
  return cosignature;
}

Result<Cosignature> VerifyCosignatureLine(std::string_view checkpoint_text, std::string_view line,
                                          const VerifierKey& cosigner) {
  if (cosigner.type != SignatureType::kCosignatureV1) {
    return Status::Usage("verifier key " + cosigner.name + "+" + FormatKeyId(cosigner.key_id) +
                         " is not a cosigner key (signature type 0x04)");
  }
  CANJE_ASSIGN_OR_RETURN(NoteSignature parsed, ParseSignatureLine(line));
  if (parsed.name != cosigner.name || parsed.key_id != cosigner.key_id) {
    return Status::Invalid("the cosignature is by key " + parsed.name + "+" +
                           FormatKeyId(parsed.key_id) + ", not by the expected witness " +
                           cosigner.name + "+" + FormatKeyId(cosigner.key_id));
  }
  CANJE_ASSIGN_OR_RETURN(Cosignature cosignature, CosignatureFromNoteSignature(parsed));
  const std::string message = CosignatureV1Message(cosignature.timestamp, checkpoint_text);
  if (!Ed25519Verify(cosigner.public_key, AsBytes(message), cosignature.signature)) {
    return Status::Invalid("the cosignature by " + cosigner.name +
                           " does not verify: it was made for another checkpoint or is corrupt");
  }
  return cosignature;
}

}  // namespace canje::ledger
