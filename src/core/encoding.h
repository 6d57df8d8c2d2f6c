// Byte strings and their text encodings (hex, base64 per RFC 4648 with padding).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace canje {

using Bytes = std::vector<uint8_t>;
using ByteView = std::span<const uint8_t>;

inline ByteView AsBytes(std::string_view text) {
  return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}
inline std::string_view AsText(ByteView bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// Lower-case hexadecimal.
std::string HexEncode(ByteView bytes);
// Accepts upper or lower case; nullopt on odd length or a non-hex character.
std::optional<Bytes> HexDecode(std::string_view hex);

// Standard base64 with '=' padding.
std::string Base64Encode(ByteView bytes);
// Strict: standard alphabet, padding required, no whitespace; nullopt otherwise.
std::optional<Bytes> Base64Decode(std::string_view text);

// Base64url (RFC 4648 §5: '-' and '_' for '+' and '/') without padding, as tokens and cookies
// carry bytes.
std::string Base64UrlEncode(ByteView bytes);
// Strict: the URL alphabet, no padding, no whitespace, and the form Base64UrlEncode writes;
// nullopt otherwise.
std::optional<Bytes> Base64UrlDecode(std::string_view text);

}  // namespace canje
