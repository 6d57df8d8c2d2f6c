#include "ledger/note_keys.h"

#include <optional>

#include "core/digest.h"
#include "core/encoding.h"
#include "ledger/utf8.h"

namespace canje::ledger {
namespace {

// Splits `text` at the first '+': returns the part before and leaves the rest in `text`.
std::optional<std::string_view> TakeField(std::string_view& text) {
  const size_t plus = text.find('+');
  if (plus == std::string_view::npos) return std::nullopt;
  std::string_view field = text.substr(0, plus);
  text.remove_prefix(plus + 1);
  return field;
}

// Eight hexadecimal digits (either case) as a big-endian key id.
std::optional<uint32_t> ParseKeyIdHex(std::string_view hex) {
  if (hex.size() != 8) return std::nullopt;
  const std::optional<Bytes> bytes = HexDecode(hex);
  if (!bytes) return std::nullopt;
  uint32_t value = 0;
  for (uint8_t byte : *bytes) value = value << 8 | byte;
  return value;
}

struct KeyParts {
  std::string name;
  uint32_t key_id;
  SignatureType type;
  std::array<uint8_t, 32> key;  // public key or seed
};

// Parses NAME+KEYID+BASE64(type || 32 bytes); `what` names the key kind in messages.
Result<KeyParts> ParseKeyParts(std::string_view text, std::string_view what) {
  const std::string kind(what);
  std::optional<std::string_view> name = TakeField(text);
  std::optional<std::string_view> hex = name ? TakeField(text) : std::nullopt;
  if (!name || !hex) {
    return Status::Invalid("the " + kind + " is not of the form NAME+KEYID+KEYDATA");
  }
  if (Status status = CheckKeyName(*name); !status.ok()) {
    return Status::Invalid("the " + kind + "'s name: " + status.message());
  }
  std::optional<uint32_t> key_id = ParseKeyIdHex(*hex);
  if (!key_id) {
    return Status::Invalid("the " + kind + "'s key id '" + std::string(*hex) +
                           "' is not 8 hexadecimal digits");
  }
  std::optional<Bytes> data = Base64Decode(text);
  if (!data) {
    return Status::Invalid("the " + kind + "'s key data is not valid base64");
  }
  if (data->empty()) return Status::Invalid("the " + kind + " has no key data");
  const uint8_t type = (*data)[0];
  if (type != static_cast<uint8_t>(SignatureType::kEd25519) &&
      type != static_cast<uint8_t>(SignatureType::kCosignatureV1)) {
    return Status::Invalid("the " + kind + " has unknown signature type 0x" +
                           HexEncode(ByteView(&type, 1)) +
                           "; canje knows 0x01 (Ed25519) and 0x04 (Ed25519 cosignature/v1)");
  }
  if (data->size() != 33) {
    return Status::Invalid("the " + kind + "'s key is " + std::to_string(data->size() - 1) +
                           " bytes; an Ed25519 key is 32");
  }
  KeyParts parts{std::string(*name), *key_id, static_cast<SignatureType>(type), {}};
  std::copy(data->begin() + 1, data->end(), parts.key.begin());
  return parts;
}

Status CheckKeyIdMatches(const KeyParts& parts, uint32_t expected, std::string_view what) {
  if (parts.key_id != expected) {
    return Status::Invalid("the " + std::string(what) + "'s key id " + FormatKeyId(parts.key_id) +
                           " does not match its name and key (they give " + FormatKeyId(expected) +
                           "); the key text is damaged");
  }
  return Status::Ok();
}

std::string EncodeKeyData(SignatureType type, const std::array<uint8_t, 32>& key) {
  Bytes data;
  data.reserve(33);
  data.push_back(static_cast<uint8_t>(type));
  data.insert(data.end(), key.begin(), key.end());
  return Base64Encode(data);
}

}  // namespace

Status CheckKeyName(std::string_view name) {
  if (name.empty()) return Status::Invalid("a key name must not be empty");
  std::optional<std::u32string> code_points = DecodeUtf8(name);
  if (!code_points) return Status::Invalid("key name is not valid UTF-8");
  for (char32_t c : *code_points) {
    if (c == U'+') return Status::Invalid("key name '" + std::string(name) + "' contains '+'");
    if (IsUnicodeSpace(c) || c < 0x20 || c == 0x7F) {
      return Status::Invalid("key name '" + std::string(name) +
                             "' contains a space or control character; use a schema-less URL "
                             "such as example.org/log");
    }
  }
  return Status::Ok();
}

bool IsValidKeyName(std::string_view name) { return CheckKeyName(name).ok(); }

uint32_t KeyId(std::string_view name, SignatureType type, const Ed25519PublicKey& public_key) {
  Sha256Hasher hasher;
  hasher.Update(AsBytes(name));
  const uint8_t separator[2] = {0x0A, static_cast<uint8_t>(type)};
  hasher.Update(ByteView(separator, 2));
  hasher.Update(public_key);
  const Sha256Hash digest = hasher.Finish();
  return uint32_t{digest[0]} << 24 | uint32_t{digest[1]} << 16 | uint32_t{digest[2]} << 8 |
         uint32_t{digest[3]};
}

std::string FormatKeyId(uint32_t key_id) {
  const uint8_t bytes[4] = {static_cast<uint8_t>(key_id >> 24), static_cast<uint8_t>(key_id >> 16),
                            static_cast<uint8_t>(key_id >> 8), static_cast<uint8_t>(key_id)};
  return HexEncode(ByteView(bytes, 4));
}

Result<SignerKey> SignerKeyFromSeed(std::string_view name, SignatureType type,
                                    const Ed25519Seed& seed) {
  CANJE_RETURN_IF_ERROR(CheckKeyName(name));
  CANJE_ASSIGN_OR_RETURN(Ed25519PublicKey public_key, Ed25519PublicKeyOf(seed));
  return SignerKey{std::string(name), type, seed, public_key, KeyId(name, type, public_key)};
}

Result<SignerKey> GenerateSignerKey(std::string_view name, SignatureType type) {
  return SignerKeyFromSeed(name, type, GenerateEd25519Seed());
}

VerifierKey VerifierKeyOf(const SignerKey& signer) {
  return VerifierKey{signer.name, signer.type, signer.public_key, signer.key_id};
}

std::string FormatVerifierKey(const VerifierKey& key) {
  return key.name + "+" + FormatKeyId(key.key_id) + "+" + EncodeKeyData(key.type, key.public_key);
}

std::string FormatSignerKey(const SignerKey& key) {
  return "PRIVATE+KEY+" + key.name + "+" + FormatKeyId(key.key_id) + "+" +
         EncodeKeyData(key.type, key.seed);
}

Result<VerifierKey> ParseVerifierKey(std::string_view text) {
  CANJE_ASSIGN_OR_RETURN(KeyParts parts, ParseKeyParts(text, "verifier key"));
  const uint32_t expected = KeyId(parts.name, parts.type, parts.key);
  CANJE_RETURN_IF_ERROR(CheckKeyIdMatches(parts, expected, "verifier key"));
  return VerifierKey{parts.name, parts.type, parts.key, expected};
}

Result<SignerKey> ParseSignerKey(std::string_view text) {
  std::optional<std::string_view> first = TakeField(text);
  std::optional<std::string_view> second = first ? TakeField(text) : std::nullopt;
  if (!first || !second || *first != "PRIVATE" || *second != "KEY") {
    return Status::Invalid("a signer key starts with PRIVATE+KEY+");
  }
  CANJE_ASSIGN_OR_RETURN(KeyParts parts, ParseKeyParts(text, "signer key"));
  CANJE_ASSIGN_OR_RETURN(SignerKey key, SignerKeyFromSeed(parts.name, parts.type, parts.key));
  CANJE_RETURN_IF_ERROR(CheckKeyIdMatches(parts, key.key_id, "signer key"));
  return key;
}

}  // namespace canje::ledger
