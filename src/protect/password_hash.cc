#include "protect/password_hash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <sstream>
#include <vector>

#include "core/digest.h"
#include "core/utf8.h"

namespace canje::protect {
namespace {

constexpr size_t kSaltSize = 16;
constexpr size_t kHashSize = 32;
constexpr uint64_t kMaximumHashN = uint64_t{1} << 20;

bool Derive(std::string_view password, ByteView salt, const PasswordCost& cost, Bytes& out) {
  out.assign(kHashSize, 0);
  const uint64_t max_memory = 128 * cost.r * cost.n * cost.p + (uint64_t{16} << 20);
  return EVP_PBE_scrypt(password.data(), password.size(), salt.data(), salt.size(), cost.n,
                        cost.r, cost.p, max_memory, out.data(), out.size()) == 1;
}

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in{std::string(text)};
  while (std::getline(in, part, separator)) parts.push_back(part);
  return parts;
}

bool ParseCount(const std::string& text, uint64_t& value) {
  if (text.empty() || text.size() > 9) return false;
  value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return value > 0;
}

}  // namespace

Status CheckPasswordRules(std::string_view password) {
  if (!IsValidUtf8(password)) return Status::Usage("the password is not UTF-8 text");
  if (password.size() > 1024) return Status::Usage("the password is longer than 1,024 bytes");
  if (CountCodePoints(password) < 12) {
    return Status::Usage("the password has fewer than 12 characters; a sentence of a few words "
                         "is easier to remember and harder to guess");
  }
  return Status::Ok();
}

Result<std::string> HashPassword(std::string_view password, PasswordCost cost) {
  CANJE_RETURN_IF_ERROR(CheckPasswordRules(password));
  Bytes salt = RandomBytes(kSaltSize);
  Bytes hash;
  if (!Derive(password, salt, cost, hash)) {
    return Status::Internal("scrypt refused its parameters (N must be a power of two)");
  }
  return "scrypt$" + std::to_string(cost.n) + "$" + std::to_string(cost.r) + "$" +
         std::to_string(cost.p) + "$" + Base64Encode(salt) + "$" + Base64Encode(hash);
}

bool VerifyPassword(std::string_view password, std::string_view stored) {
  std::vector<std::string> parts = Split(stored, '$');
  if (parts.size() != 6 || parts[0] != "scrypt") return false;
  PasswordCost cost;
  if (!ParseCount(parts[1], cost.n) || !ParseCount(parts[2], cost.r) ||
      !ParseCount(parts[3], cost.p) || cost.n > kMaximumHashN || cost.r > 32 || cost.p > 16) {
    return false;
  }
  std::optional<Bytes> salt = Base64Decode(parts[4]);
  std::optional<Bytes> expected = Base64Decode(parts[5]);
  if (!salt || !expected || expected->size() != kHashSize) return false;
  Bytes hash;
  if (!Derive(password, *salt, cost, hash)) return false;
  return CRYPTO_memcmp(hash.data(), expected->data(), kHashSize) == 0;
}

void SpendOneVerification(std::string_view password) {
  static const Bytes kSalt(kSaltSize, 0);
  Bytes ignored;
  Derive(password, kSalt, PasswordCost{}, ignored);
}

}  // namespace canje::protect
