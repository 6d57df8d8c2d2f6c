// Passwords stored as scrypt hashes, never as themselves.
//
// Form: "scrypt$N$r$p$SALT$HASH" (SALT 16 random bytes and HASH 32 bytes, both standard
// base64). scrypt is memory-hard: with N = 2^15 and r = 8 one guess costs 32 MiB and, on the
// machines canje runs on, tens of milliseconds, so a copied store does not give passwords away
// cheaply. The cost is kept in each hash, so it can be raised later without invalidating the
// hashes already stored.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace canje::protect {

struct PasswordCost {
  uint64_t n = uint64_t{1} << 15;
  uint64_t r = 8;
  uint64_t p = 1;
};

// What a password must be: at least 12 characters (code points), at most 1,024 bytes, UTF-8.
// kUsage saying what to change.
Status CheckPasswordRules(std::string_view password);

// The stored form of `password` with a new random salt. CheckPasswordRules first.
Result<std::string> HashPassword(std::string_view password, PasswordCost cost = {});

// True when `password` hashes to `stored` (compared in constant time). False for a stored form
// that cannot be read.
bool VerifyPassword(std::string_view password, std::string_view stored);

// Spends the time of one verification without a stored hash, so that a sign-in with an unknown
// name takes as long as one with a wrong password.
void SpendOneVerification(std::string_view password);

}  // namespace canje::protect
