#include "protect/totp.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <cctype>

#include "core/digest.h"

namespace canje::protect {
namespace {

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0F];
    }
  }
  return out;
}

}  // namespace

Bytes NewTotpSecret() { return RandomBytes(20); }

std::string HotpCode(ByteView secret, uint64_t counter, int digits) {
  std::array<uint8_t, 8> message{};
  for (int i = 7; i >= 0; --i) {
    message[static_cast<size_t>(i)] = static_cast<uint8_t>(counter & 0xFF);
    counter >>= 8;
  }
  std::array<uint8_t, EVP_MAX_MD_SIZE> mac{};
  unsigned int length = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), message.data(), message.size(),
       mac.data(), &length);
  // Dynamic truncation (RFC 4226 §5.3).
  const size_t offset = mac[length - 1] & 0x0F;
  const uint32_t binary = (static_cast<uint32_t>(mac[offset] & 0x7F) << 24) |
                          (static_cast<uint32_t>(mac[offset + 1]) << 16) |
                          (static_cast<uint32_t>(mac[offset + 2]) << 8) |
                          static_cast<uint32_t>(mac[offset + 3]);
  uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::string code = std::to_string(binary % modulus);
  return std::string(static_cast<size_t>(digits) - code.size(), '0') + code;
}

std::optional<int64_t> MatchTotp(ByteView secret, std::string_view code, int64_t unix_seconds,
                                 int window) {
  if (code.size() != static_cast<size_t>(kTotpDigits)) return std::nullopt;
  for (char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const int64_t now = TotpStep(unix_seconds);
  std::optional<int64_t> matched;
  // Every candidate is computed and compared in constant time, so the time taken does not
  // say which step (if any) matched.
  for (int64_t step = now - window; step <= now + window; ++step) {
    if (step < 0) continue;
    std::string expected = HotpCode(secret, static_cast<uint64_t>(step));
    if (CRYPTO_memcmp(expected.data(), code.data(), expected.size()) == 0) matched = step;
  }
  return matched;
}

std::string Base32Encode(ByteView bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (uint8_t byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 0x1F];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 0x1F];
  return out;
}

std::optional<Bytes> Base32Decode(std::string_view text) {
  Bytes out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    int value;
    if (c >= 'A' && c <= 'Z') {
      value = c - 'A';
    } else if (c >= '2' && c <= '7') {
      value = c - '2' + 26;
    } else {
      return std::nullopt;
    }
    buffer = (buffer << 5) | static_cast<uint32_t>(value);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<uint8_t>((buffer >> (bits - 8)) & 0xFF));
      bits -= 8;
    }
  }
  if (Base32Encode(out) != text) return std::nullopt;  // trailing bits that are not zero
  return out;
}

std::string TotpUri(std::string_view issuer, std::string_view account, ByteView secret) {
  return "otpauth://totp/" + PercentEncode(issuer) + ":" + PercentEncode(account) +
         "?secret=" + Base32Encode(secret) + "&issuer=" + PercentEncode(issuer) +
         "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) +
         "&period=" + std::to_string(kTotpStepSeconds);
}

}  // namespace canje::protect
