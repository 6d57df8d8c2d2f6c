// Keys for signed notes (C2SP signed-note, golang.org/x/mod/sumdb/note): Ed25519 key pairs with
// a name and a 32-bit key id, and their text forms.
//
//   verifier key  NAME+KEYID+BASE64(type || 32-byte public key)
//   signer key    PRIVATE+KEY+NAME+KEYID+BASE64(type || 32-byte seed)
//
// KEYID is 8 hex digits (written lower case, read in either case): the first four bytes,
// big-endian, of SHA-256(NAME || 0x0A || type || public key). The type byte says how the key
// signs (C2SP signed-note "Signature types"):
//   0x01  Ed25519 over the note text (log checkpoints; Go's note package)
//   0x04  timestamped Ed25519 cosignatures (C2SP tlog-cosignature, cosignature/v1; witnesses)
// The same seed gives a different key id under each type.
//
// A key name is non-empty UTF-8 with no Unicode space, no '+' and no control character.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "ledger/ed25519.h"

namespace canje::ledger {

enum class SignatureType : uint8_t {
  kEd25519 = 0x01,
  kCosignatureV1 = 0x04,
};

struct VerifierKey {
  std::string name;
  SignatureType type = SignatureType::kEd25519;
  Ed25519PublicKey public_key{};
  uint32_t key_id = 0;  // KeyId(name, type, public_key)
};

// Secret: anyone holding it can sign as `name`.
struct SignerKey {
  std::string name;
  SignatureType type = SignatureType::kEd25519;
  Ed25519Seed seed{};
  Ed25519PublicKey public_key{};
  uint32_t key_id = 0;  // KeyId(name, type, public_key)
};

bool IsValidKeyName(std::string_view name);
// An explanation of why `name` is not a valid key name, or ok.
Status CheckKeyName(std::string_view name);

uint32_t KeyId(std::string_view name, SignatureType type, const Ed25519PublicKey& public_key);
// Eight lower-case hex digits.
std::string FormatKeyId(uint32_t key_id);

// A signer key from an existing seed, or from a fresh random one.
Result<SignerKey> SignerKeyFromSeed(std::string_view name, SignatureType type,
                                    const Ed25519Seed& seed);
Result<SignerKey> GenerateSignerKey(std::string_view name, SignatureType type);

VerifierKey VerifierKeyOf(const SignerKey& signer);

std::string FormatVerifierKey(const VerifierKey& key);
std::string FormatSignerKey(const SignerKey& key);

// Strict parsers: every part present, a known type byte, a key of the right length, and a key
// id that matches the name and key. kInvalid with the reason otherwise. Surrounding whitespace
// (a trailing newline from a file) is not accepted here; the caller trims it.
Result<VerifierKey> ParseVerifierKey(std::string_view text);
Result<SignerKey> ParseSignerKey(std::string_view text);

}  // namespace canje::ledger
